// A note that goes with a table or section: one paragraph of sentences. Writers with room join the sentences;
// the terminal puts each on its own line (each fits a 160-column line). Plain words, never markup.
namespace SweepCluster.Reporting.Document;

/// <summary>A paragraph of plain sentences.</summary>
public sealed record ReportNote(IReadOnlyList<string> Sentences)
{
    /// <summary>A note of one sentence.</summary>
    public static ReportNote Of(string sentence) => new([sentence]);

    /// <summary>The sentences joined into one line.</summary>
    public string Text => string.Join(" ", Sentences);
}
