// Argument validation shared by Gemm and GemmNaive, so both reject exactly the same calls.
namespace SweepCluster.Engine.Kernels;

internal static class GemmArguments
{
    /// <summary>
    /// Checks dimensions (non-negative), span lengths (each operand at least as long as its dims require; only
    /// that prefix is read or written) and that <paramref name="c"/> overlaps neither input.
    /// </summary>
    public static void Validate(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int k, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        RequireLength(a.Length, (long)m * k, "a", "m * k");
        RequireLength(b.Length, (long)k * n, "b", "k * n");
        RequireLength(c.Length, (long)m * n, "c", "m * n");
        ReadOnlySpan<float> cRead = c[..(m * n)];
        if (cRead.Overlaps(a[..(m * k)]) || cRead.Overlaps(b[..(k * n)]))
        {
            throw new ArgumentException("The output c must not overlap the inputs a or b.", nameof(c));
        }
    }

    private static void RequireLength(int actual, long required, string name, string formula)
    {
        if (actual < required)
        {
            throw new ArgumentException(
                $"Span '{name}' has {actual} elements but {formula} = {required} are required.", name);
        }
    }
}
