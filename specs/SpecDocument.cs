// Loads a spec file (or text) into a SpecNode tree: picks the reader by extension, refuses oversized files before
// reading them, decodes UTF-8, and turns I/O problems into SpecExceptions. It does not interpret the tree; see
// TrialSpecBinder (and, later, the sweep binder) for that.
using System.Text;
using SweepCluster.Engine.Specs;

namespace SweepCluster.Specs;

/// <summary>A parsed spec file: its node tree, where it came from, and non-fatal reading errors.</summary>
public sealed class SpecDocument
{
    private const string InlineSource = SpecError.InlineSource;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private SpecDocument(string source, string baseDirectory, SpecFormat format, SpecNode root, IReadOnlyList<SpecError> errors)
    {
        Source = source;
        BaseDirectory = baseDirectory;
        Format = format;
        Root = root;
        Errors = errors;
    }

    /// <summary>The file path as given (or the source name passed to <see cref="Parse"/>); used in every <see cref="SpecError"/>.</summary>
    public string Source { get; }

    /// <summary>Absolute directory that relative paths in the spec are relative to (the spec file's directory).</summary>
    public string BaseDirectory { get; }

    /// <summary>The syntax the document was read with.</summary>
    public SpecFormat Format { get; }

    /// <summary>The document's root node (never null: an empty file is an error).</summary>
    public SpecNode Root { get; }

    /// <summary>Problems that did not stop reading (duplicate keys); a binder should report them with its own.</summary>
    public IReadOnlyList<SpecError> Errors { get; }

    /// <summary>The format for a file name's extension (.yaml, .yml, .json); throws <see cref="SpecException"/> otherwise.</summary>
    public static SpecFormat FormatOf(string path)
    {
        var extension = Path.GetExtension(path);
        if (SpecLimits.Extensions.TryGetValue(extension, out var format)) return format;
        var shown = extension.Length == 0 ? "no extension" : $"extension '{extension}'";
        throw new SpecException(new SpecError(path, "", null,
            $"cannot tell the spec format from {shown}; use {string.Join(", ", SpecLimits.Extensions.Keys)}"));
    }

    /// <summary>Reads and parses a spec file. Throws <see cref="SpecException"/> for a missing, unreadable,
    /// oversized or syntactically invalid file.</summary>
    public static SpecDocument Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var format = FormatOf(path);
        var fullPath = Path.GetFullPath(path);
        var text = ReadLimited(path, fullPath);
        return Parse(text, format, path, Path.GetDirectoryName(fullPath));
    }

    /// <summary>Parses spec text. <paramref name="baseDirectory"/> defaults to the current directory.</summary>
    public static SpecDocument Parse(string text, SpecFormat format, string sourceName = InlineSource, string? baseDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sourceName);
        var bytes = Encoding.UTF8.GetByteCount(text);
        if (bytes > SpecLimits.MaxFileBytes)
        {
            throw TooLarge(sourceName, bytes);
        }
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            throw Empty(sourceName);
        }
        var (root, errors) = format == SpecFormat.Json
            ? JsonSpecReader.Read(text, sourceName)
            : YamlSpecReader.Read(text, sourceName);
        if (root is null || root is SpecScalar { IsNull: true } && string.IsNullOrWhiteSpace(StripYamlComments(text, format)))
        {
            throw Empty(sourceName);
        }
        return new SpecDocument(sourceName, baseDirectory ?? Directory.GetCurrentDirectory(), format, root, errors);
    }

    private static string ReadLimited(string path, string fullPath)
    {
        if (Directory.Exists(fullPath))
        {
            throw new SpecException(new SpecError(path, "", null, $"'{fullPath}' is a directory, not a spec file"));
        }
        try
        {
            using var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read);
            if (stream.Length > SpecLimits.MaxFileBytes)
            {
                throw TooLarge(path, stream.Length);
            }
            // Read at most one byte past the limit, in case the file grew after the length check.
            var buffer = new byte[SpecLimits.MaxFileBytes + 1];
            var total = 0;
            int read;
            while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0)
            {
                total += read;
            }
            if (total > SpecLimits.MaxFileBytes)
            {
                throw TooLarge(path, total);
            }
            return StrictUtf8.GetString(buffer, 0, total);
        }
        catch (FileNotFoundException)
        {
            throw new SpecException(new SpecError(path, "", null, $"file not found: {fullPath}"));
        }
        catch (DirectoryNotFoundException)
        {
            throw new SpecException(new SpecError(path, "", null, $"file not found (no such directory): {fullPath}"));
        }
        catch (DecoderFallbackException ex)
        {
            throw new SpecException(new SpecError(path, "", null,
                $"the file is not valid UTF-8 text (bad byte at offset {ex.Index}); save it as UTF-8"));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SpecException(new SpecError(path, "", null, $"cannot read {fullPath}: {ex.Message}"));
        }
    }

    private static SpecException Empty(string source) =>
        new(new SpecError(source, "", 1, "the file is empty; a spec is a mapping of keys to values, e.g. 'epochs: 30'"));

    private static SpecException TooLarge(string source, long bytes) =>
        new(new SpecError(source, "", null,
            $"the file is {bytes:N0} bytes; the limit for a spec is {SpecLimits.MaxFileBytes:N0} bytes (1 MiB)"));

    /// <summary>True-empty check for YAML: "---" alone or only comments count as empty.</summary>
    private static string StripYamlComments(string text, SpecFormat format)
    {
        if (format == SpecFormat.Json) return text;
        var kept = text.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#') && l != "---" && l != "...");
        return string.Join("\n", kept);
    }
}
