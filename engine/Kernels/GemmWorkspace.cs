// Per-thread scratch memory for packed panels and edge tiles: grown on demand, never freed, so steady-state
// calls allocate nothing. Arrays live on the pinned object heap and are used through 64-byte aligned pointers.
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SweepCluster.Engine.Kernels;

internal enum GemmBuffer
{
    PackedA,
    PackedB,
    EdgeA,
    EdgeB,
    EdgeTile,
}

internal sealed unsafe class GemmWorkspace
{
    private const int AlignmentBytes = 64;
    private const int AlignmentFloats = AlignmentBytes / sizeof(float);
    private const int BufferCount = (int)GemmBuffer.EdgeTile + 1;

    [ThreadStatic]
    private static GemmWorkspace? s_current;

    private readonly float[]?[] _arrays = new float[BufferCount][];
    private readonly nint[] _aligned = new nint[BufferCount];
    private readonly int[] _capacity = new int[BufferCount];

    /// <summary>The calling thread's workspace.</summary>
    public static GemmWorkspace Current => s_current ??= new GemmWorkspace();

    /// <summary>A 64-byte aligned buffer of at least <paramref name="length"/> floats, contents unspecified.</summary>
    public float* Get(GemmBuffer buffer, int length)
    {
        var slot = (int)buffer;
        if (_capacity[slot] < length)
        {
            var array = GC.AllocateUninitializedArray<float>(length + AlignmentFloats, pinned: true);
            var start = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(array));
            _arrays[slot] = array;
            _aligned[slot] = (start + (AlignmentBytes - 1)) & ~(nint)(AlignmentBytes - 1);
            _capacity[slot] = length;
        }
        return (float*)_aligned[slot];
    }
}
