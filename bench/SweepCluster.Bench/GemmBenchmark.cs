// `gemm` mode: GFLOP/s of SweepCluster.Engine.Kernels.Gemm on the MLP training shapes, and in the same run the
// same shapes through single-threaded PyTorch (bench/pytorch/gemm_bench.py), printed side by side with the ratio.
using System.Diagnostics;
using System.Text.Json;
using SweepCluster.Engine;
using SweepCluster.Engine.Kernels;

namespace SweepCluster.Bench;

internal static class GemmBenchmark
{
    private const string TorchScript = "pytorch/gemm_bench.py";
    private const double WarmupSeconds = 0.3;
    private const double TargetSampleSeconds = 0.004;
    private const int Samples = 15;
    private const double FlopsPerMultiplyAdd = 2.0;
    private const double Giga = 1e9;

    private sealed record Shape(string Model, string Role, string Layout, int M, int K, int N);

    // (m, k, n) per layout; NN: x·W, TN: xᵀ·dY (dW), NT: dY·Wᵀ (dX).
    private static readonly Shape[] Shapes =
    [
        new("fashion", "fwd 784->256", "NN", 128, 784, 256),
        new("fashion", "fwd 256->128", "NN", 128, 256, 128),
        new("fashion", "fwd 128->10", "NN", 128, 128, 10),
        new("fashion", "dW 784x256", "TN", 784, 128, 256),
        new("fashion", "dW 256x128", "TN", 256, 128, 128),
        new("fashion", "dW 128x10", "TN", 128, 128, 10),
        new("fashion", "dX 128<-256", "NT", 128, 128, 256),
        new("fashion", "dX 10->128", "NT", 128, 10, 128),
        new("digits", "fwd 64->32", "NN", 32, 64, 32),
        new("digits", "fwd 32->10", "NN", 32, 32, 10),
        new("digits", "dW 64x32", "TN", 64, 32, 32),
        new("digits", "dW 32x10", "TN", 32, 32, 10),
        new("digits", "dX 10->32", "NT", 32, 10, 32),
    ];

    public static int Run(string[] args)
    {
        var withTorch = !args.Contains("--no-torch");
        var path = ParseOption(args, "--path", GemmPath.Auto);
        var packing = ParseOption(args, "--packing", GemmPackingPolicy.Auto);
        var resolved = GemmPaths.Resolve(path);
        var shapes = ParseShapes(args) ?? Shapes;

        Console.WriteLine($"SweepCluster GEMM benchmark: path {resolved} (best on this CPU: {GemmPaths.Best}), packing {packing}, 1 thread");
        Console.WriteLine($"timing: best of {Samples} samples of ~{TargetSampleSeconds * 1000:0} ms after {WarmupSeconds:0.0} s warm-up per shape");

        var ours = shapes.Select(s => MeasureOurs(s, path, packing)).ToArray();
        var torchNote = "torch: skipped (--no-torch)";
        var torch = withTorch ? RunTorch(shapes, out torchNote) : null;
        Console.WriteLine(torchNote);
        Console.WriteLine();
        Console.WriteLine($"{"model",-8} {"role",-13} {"op",-3} {"m",5} {"k",5} {"n",5}  {"ours GF/s",10} {"torch GF/s",10} {"ratio",6}");
        for (var i = 0; i < shapes.Length; i++)
        {
            var s = shapes[i];
            var theirs = torch?[i];
            var torchText = theirs is { } t ? $"{t,10:0.0}" : $"{"-",10}";
            var ratioText = theirs is { } r ? $"{ours[i] / r,6:0.00}" : $"{"-",6}";
            Console.WriteLine($"{s.Model,-8} {s.Role,-13} {s.Layout,-3} {s.M,5} {s.K,5} {s.N,5}  {ours[i],10:0.0} {torchText} {ratioText}");
        }
        return 0;
    }

    // --shapes NN:128x784x256,TN:784x128x256 (layout:m x k x n) replaces the default MLP shapes.
    private static Shape[]? ParseShapes(string[] args)
    {
        var index = Array.IndexOf(args, "--shapes");
        if (index < 0 || index + 1 >= args.Length) return null;
        return args[index + 1].Split(',').Select(text =>
        {
            var parts = text.Split(':');
            var dims = parts[1].Split('x').Select(int.Parse).ToArray();
            return new Shape("custom", "", parts[0].ToUpperInvariant(), dims[0], dims[1], dims[2]);
        }).ToArray();
    }

    private static T ParseOption<T>(string[] args, string name, T fallback) where T : struct, Enum
    {
        var index = Array.IndexOf(args, name);
        if (index < 0 || index + 1 >= args.Length) return fallback;
        return Enum.Parse<T>(args[index + 1], ignoreCase: true);
    }

    private static double MeasureOurs(Shape s, GemmPath path, GemmPackingPolicy packing)
    {
        var rng = new DeterministicRandom(42);
        var a = new float[s.M * s.K];
        var b = new float[s.K * s.N];
        var c = new float[s.M * s.N];
        for (var i = 0; i < a.Length; i++) a[i] = (float)rng.NextGaussian();
        for (var i = 0; i < b.Length; i++) b[i] = (float)rng.NextGaussian();
        Action call = s.Layout switch
        {
            "NN" => () => Gemm.MultiplyNN(a, b, c, s.M, s.K, s.N, false, path, packing),
            "TN" => () => Gemm.MultiplyTN(a, b, c, s.M, s.K, s.N, false, path, packing),
            _ => () => Gemm.MultiplyNT(a, b, c, s.M, s.K, s.N, false, path, packing),
        };

        // Warm-up long enough for tiered compilation to reach the optimised code.
        var watch = Stopwatch.StartNew();
        long calls = 0;
        while (watch.Elapsed.TotalSeconds < WarmupSeconds)
        {
            call();
            calls++;
        }
        var inner = Math.Max(1, (int)(TargetSampleSeconds / (watch.Elapsed.TotalSeconds / calls)));
        var samples = new double[Samples];
        for (var sample = 0; sample < Samples; sample++)
        {
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < inner; i++) call();
            samples[sample] = Stopwatch.GetElapsedTime(start).TotalSeconds / inner;
        }
        // Best-of: the machine is shared, so the fastest sample is the least disturbed one (torch side does the same).
        return Gflops(s, samples.Min());
    }

    private static double Gflops(Shape s, double seconds) => FlopsPerMultiplyAdd * s.M * s.K * s.N / seconds / Giga;

    private static double[]? RunTorch(Shape[] shapes, out string note)
    {
        var script = Path.Combine(AppContext.BaseDirectory, TorchScript);
        var shapesJson = JsonSerializer.Serialize(shapes.Select(s => new { layout = s.Layout, m = s.M, k = s.K, n = s.N }));
        var (result, failure) = TorchProcess.Run(script, [shapesJson]);
        if (result is not { } root)
        {
            note = failure + "; showing ours only";
            return null;
        }
        note = $"torch {root.GetProperty("torch").GetString()} via {TorchProcess.PythonPath}, threads={root.GetProperty("threads").GetInt32()}, OPENBLAS_NUM_THREADS=1, OPENBLAS_CORETYPE/OPENBLAS_L2_SIZE unset";
        return root.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("gflops").GetDouble()).ToArray();
    }
}
