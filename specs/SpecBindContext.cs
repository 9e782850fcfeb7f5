// Collects the errors found while binding one document, so that all of them are reported together. It knows the
// source name for SpecError.Source and nothing about what is being bound.
using SweepCluster.Engine.Specs;

namespace SweepCluster.Specs;

/// <summary>Error collector shared by the binders of one document.</summary>
public sealed class SpecBindContext
{
    private readonly List<SpecError> _errors = [];

    /// <summary>Starts a context for <paramref name="source"/>, seeded with any reader errors (duplicate keys).</summary>
    public SpecBindContext(string source, IEnumerable<SpecError>? readerErrors = null)
    {
        Source = source;
        if (readerErrors is not null) _errors.AddRange(readerErrors);
    }

    /// <summary>Starts a context for a parsed document, seeded with its reading errors.</summary>
    public SpecBindContext(SpecDocument document) : this(document.Source, document.Errors) { }

    /// <summary>The file path or source name reported in errors.</summary>
    public string Source { get; }

    /// <summary>Every error so far, in the order found.</summary>
    public IReadOnlyList<SpecError> Errors => _errors;

    /// <summary>True when no error has been reported.</summary>
    public bool IsValid => _errors.Count == 0;

    /// <summary>Records an error at <paramref name="line"/>.</summary>
    public void Error(string field, int? line, string message) => _errors.Add(new SpecError(Source, field, line, message));

    /// <summary>Records an error at <paramref name="node"/>'s line.</summary>
    public void Error(string field, SpecNode node, string message) => Error(field, node.Line, message);

    /// <summary>Throws one <see cref="SpecException"/> with every error in line order, if there are any.</summary>
    public void ThrowIfInvalid()
    {
        if (_errors.Count > 0)
        {
            throw new SpecException(_errors.OrderBy(e => e.Line ?? 0).ToArray());
        }
    }
}
