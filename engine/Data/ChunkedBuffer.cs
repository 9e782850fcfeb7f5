// An append-only buffer that grows in fixed-size chunks and is copied once into an exact-length array at the end.
// Used by the streaming readers, which do not know the row count up front.
// Deliberately does not double-and-copy like List<T>: for a 60k×785 table that would copy the data several times
// and briefly hold three times its size.
namespace SweepCluster.Engine.Data;

/// <summary>Append-only storage in chunks of <see cref="ChunkLength"/> elements.</summary>
internal sealed class ChunkedBuffer<T>
{
    /// <summary>Elements per chunk (4 MB of float32).</summary>
    internal const int ChunkLength = 1 << 20;

    private readonly List<T[]> _fullChunks = [];
    private T[] _current = new T[ChunkLength];
    private int _used;

    /// <summary>How many elements have been appended.</summary>
    public long Count => (long)_fullChunks.Count * ChunkLength + _used;

    /// <summary>Appends one element.</summary>
    public void Add(T value)
    {
        if (_used == ChunkLength)
        {
            _fullChunks.Add(_current);
            _current = new T[ChunkLength];
            _used = 0;
        }
        _current[_used++] = value;
    }

    /// <summary>Copies everything appended so far into one array of exactly <see cref="Count"/> elements.</summary>
    /// <exception cref="InvalidOperationException">More elements than one .NET array can hold.</exception>
    public T[] ToArray()
    {
        if (Count > Array.MaxLength)
            throw new InvalidOperationException($"{Count} values do not fit in one array (at most {Array.MaxLength}).");
        var result = new T[Count];
        var offset = 0;
        foreach (var chunk in _fullChunks)
        {
            chunk.CopyTo(result, offset);
            offset += ChunkLength;
        }
        Array.Copy(_current, 0, result, offset, _used);
        return result;
    }
}
