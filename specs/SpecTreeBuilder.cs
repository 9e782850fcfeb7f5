// Turns a stream of start/end/scalar/alias events (from either reader) into a SpecNode tree without recursion.
// It enforces SpecLimits.MaxDepth and SpecLimits.MaxNodes as nodes arrive, detects duplicate keys (reported,
// first occurrence kept) and resolves YAML aliases by sharing the anchored node. It does not know any syntax:
// the readers translate their tokens into calls here.
using SweepCluster.Engine.Specs;

namespace SweepCluster.Specs;

internal sealed class SpecTreeBuilder(string source)
{
    private readonly Stack<Frame> _frames = new();
    private readonly Dictionary<string, Built> _anchors = new(StringComparer.Ordinal);
    private readonly List<SpecError> _errors = [];
    private long _nodeCount;
    private Built? _root;

    /// <summary>Non-fatal problems (duplicate keys) found so far.</summary>
    public IReadOnlyList<SpecError> Errors => _errors;

    /// <summary>The finished root node, or null when the document held none.</summary>
    public SpecNode? Root => _root?.Node;

    /// <summary>Line of the most recent event, for errors that come without a position.</summary>
    public int LastLine { get; private set; } = 1;

    public void StartMapping(int line, int column, string? anchor = null) => Push(new Frame(line, column, true, anchor, ChildPath()));

    public void StartSequence(int line, int column, string? anchor = null) => Push(new Frame(line, column, false, anchor, ChildPath()));

    /// <summary>Closes the innermost mapping or list.</summary>
    public void End(int line)
    {
        LastLine = line;
        var frame = _frames.Pop();
        if (frame.IsMapping && frame.PendingKey is not null)
        {
            throw Fatal(frame.Path, line, "a key has no value");
        }
        SpecNode node = frame.IsMapping
            ? new SpecMapping(frame.Line, frame.Column, frame.Entries)
            : new SpecSequence(frame.Line, frame.Column, frame.Items);
        Complete(new Built(node, frame.Size, frame.Height + 1), frame.Anchor);
    }

    /// <summary>A scalar value, or a key when a mapping is waiting for one.</summary>
    public void Scalar(SpecScalar scalar, string? anchor = null)
    {
        LastLine = scalar.Line;
        Count(1, scalar.Line);
        Complete(new Built(scalar, 1, 0), anchor);
    }

    /// <summary>A YAML alias: reuses the node anchored under <paramref name="name"/>.</summary>
    public void Alias(string name, int line)
    {
        LastLine = line;
        if (!_anchors.TryGetValue(name, out var built))
        {
            throw Fatal(ChildPath(), line, $"alias '*{name}' refers to no anchor; define '&{name}' on a value before using it");
        }
        if (_frames.Count + built.Height > SpecLimits.MaxDepth)
        {
            throw DepthError(line);
        }
        Count(built.Size, line);
        Complete(built, null);
    }

    /// <summary>The exception to throw for a fatal problem: the errors so far plus this one.</summary>
    public SpecException Fatal(string field, int? line, string message)
    {
        _errors.Add(new SpecError(source, field, line, message));
        return new SpecException(_errors);
    }

    private void Push(Frame frame)
    {
        LastLine = frame.Line;
        if (_frames.Count >= SpecLimits.MaxDepth)
        {
            throw DepthError(frame.Line);
        }
        if (_frames.TryPeek(out var parent) && parent.IsMapping && parent.PendingKey is null)
        {
            throw Fatal(parent.Path, frame.Line, "a mapping key must be a plain name, not a list or mapping");
        }
        Count(1, frame.Line);
        _frames.Push(frame);
    }

    private void Complete(Built built, string? anchor)
    {
        if (anchor is not null)
        {
            _anchors[anchor] = built;
        }
        if (!_frames.TryPeek(out var parent))
        {
            _root = built;
            return;
        }
        parent.Size += built.Size;
        parent.Height = Math.Max(parent.Height, built.Height);
        if (!parent.IsMapping)
        {
            parent.Items.Add(built.Node);
            return;
        }
        if (parent.PendingKey is not { } key)
        {
            AcceptKey(parent, built.Node);
            return;
        }
        parent.PendingKey = null;
        if (parent.Duplicate)
        {
            parent.Duplicate = false;
            return;
        }
        parent.KeyLines[key.Key] = key.KeyLine;
        parent.Entries.Add(key with { Value = built.Node });
    }

    private void AcceptKey(Frame mapping, SpecNode keyNode)
    {
        if (keyNode is not SpecScalar { IsNull: false } scalar)
        {
            throw Fatal(mapping.Path, keyNode.Line, $"a mapping key must be a plain name, found {keyNode.Describe()}");
        }
        mapping.PendingKey = new SpecEntry(scalar.Text, scalar.Line, scalar.Column, scalar);
        if (mapping.KeyLines.TryGetValue(scalar.Text, out var firstLine))
        {
            mapping.Duplicate = true;
            _errors.Add(new SpecError(source, SpecPath.Key(mapping.Path, scalar.Text), scalar.Line,
                $"duplicate key '{scalar.Text}': first at line {firstLine}, again at line {scalar.Line}; each key may appear only once (the first is used)"));
        }
    }

    private string ChildPath()
    {
        if (!_frames.TryPeek(out var parent)) return "";
        if (!parent.IsMapping) return SpecPath.Index(parent.Path, parent.Items.Count);
        return parent.PendingKey is { } key ? SpecPath.Key(parent.Path, key.Key) : parent.Path;
    }

    private void Count(long nodes, int line)
    {
        _nodeCount += nodes;
        if (_nodeCount > SpecLimits.MaxNodes)
        {
            throw Fatal("", line, $"the document holds more than {SpecLimits.MaxNodes} values (counting every use of an alias); a spec needs a few dozen");
        }
    }

    private SpecException DepthError(int line) =>
        Fatal("", line, $"nesting is deeper than {SpecLimits.MaxDepth} levels of mappings and lists; a spec needs only a few");

    private readonly record struct Built(SpecNode Node, long Size, int Height);

    private sealed class Frame(int line, int column, bool isMapping, string? anchor, string path)
    {
        public int Line { get; } = line;
        public int Column { get; } = column;
        public bool IsMapping { get; } = isMapping;
        public string? Anchor { get; } = anchor;
        public string Path { get; } = path;
        public List<SpecEntry> Entries { get; } = [];
        public List<SpecNode> Items { get; } = [];
        public Dictionary<string, int> KeyLines { get; } = new(StringComparer.Ordinal);
        public SpecEntry? PendingKey { get; set; }
        public bool Duplicate { get; set; }
        public long Size { get; set; } = 1;
        public int Height { get; set; }
    }
}
