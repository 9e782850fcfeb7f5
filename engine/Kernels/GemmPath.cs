// Selects the instruction set Gemm runs on. Every path returns the same bits; the choice only affects speed.
using System.Runtime.Intrinsics.X86;

namespace SweepCluster.Engine.Kernels;

/// <summary>Implementation paths of <see cref="Gemm"/>; tests force each supported one.</summary>
internal enum GemmPath
{
    /// <summary>The fastest path the CPU supports.</summary>
    Auto,
    /// <summary>MathF.FusedMultiplyAdd loops.</summary>
    Scalar,
    /// <summary>AVX2 + FMA micro-kernel (6 × 16 tile).</summary>
    Vector256,
    /// <summary>AVX-512F micro-kernel (8 × 32 tile).</summary>
    Vector512,
}

internal static class GemmPaths
{
    /// <summary>The path <see cref="GemmPath.Auto"/> resolves to on this machine.</summary>
    public static GemmPath Best { get; } =
        GemmMicroKernel512.IsSupported ? GemmPath.Vector512
        : GemmMicroKernel256.IsSupported ? GemmPath.Vector256
        : GemmPath.Scalar;

    public static bool IsSupported(GemmPath path) => path switch
    {
        GemmPath.Auto or GemmPath.Scalar => true,
        GemmPath.Vector256 => GemmMicroKernel256.IsSupported,
        GemmPath.Vector512 => GemmMicroKernel512.IsSupported,
        _ => false,
    };

    public static GemmPath Resolve(GemmPath path)
    {
        if (!IsSupported(path)) throw new PlatformNotSupportedException($"GEMM path {path} is not supported on this CPU.");
        return path == GemmPath.Auto ? Best : path;
    }
}
