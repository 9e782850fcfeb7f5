// An RFC 4180 reader for tests: splits CSV text into records of fields (quoted fields, doubled quotes, commas and line
// breaks inside quotes, CRLF or LF). Independent of the writers it checks.
using System.Text;

namespace SweepCluster.Testing;

public static class CsvRecords
{
    /// <summary>The records of <paramref name="csv"/>, header included; every record must end with a line break.</summary>
    public static List<List<string>> Parse(string csv)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { record.Add(field.ToString()); field.Clear(); }
            else if (c == '\r') { }
            else if (c == '\n') { record.Add(field.ToString()); field.Clear(); records.Add(record); record = []; }
            else field.Append(c);
        }
        return records;
    }
}
