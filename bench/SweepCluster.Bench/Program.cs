// Benchmark entry point: `dotnet run -c Release --project bench/SweepCluster.Bench -- <mode> [options]`.
// Each mode lives in its own class; add new modes (e.g. `train`) to the table below.
namespace SweepCluster.Bench;

public static class Program
{
    private static readonly Dictionary<string, (string Description, Func<string[], int> Run)> Modes = new(StringComparer.Ordinal)
    {
        ["gemm"] = ("GEMM kernels vs PyTorch (single thread) on the MLP training shapes", GemmBenchmark.Run),
        ["train"] = ("training throughput vs PyTorch (single thread): digits and fashion-mnist MLPs", TrainBenchmark.Run),
        ["sweep"] = ("the 48-trial digits grid on an embedded silo vs Optuna (in-process sweep and the whole `sweep run`)", SweepBenchmark.Run),
        ["overhead"] = ("per-trial overhead: 1,000 one-epoch iris trials with the memory and the SQLite store vs Optuna in-memory and SQLite", OverheadBenchmark.Run),
        ["adaptive"] = ("ASHA and PBT vs random search on fashion-mnist: accuracy and epoch ratios, test accuracy of the best", AdaptiveBenchmark.Run),
        ["dashboard"] = ("what monitoring costs: the same sweeps without a web host, with the dashboard, and with a viewer polling it", DashboardBenchmark.Run),
        ["latency"] = ("status-call latency (trial snapshot, sweep progress) while every slot trains", LatencyBenchmark.Run),
        ["scale"] = ("iris-overhead.yaml scaled to --trials N (default 20,000) on the embedded default: throughput early vs late, peak RSS, heap per trial", ScaleBenchmark.Run),
        ["rest"] = ("memory at rest: an embedded silo after a short fashion-mnist sweep, then idle past the data caches' retention", RestBenchmark.Run),
        ["table"] = ("generates the offline tabular benchmark of schedule configurations (bench/tables/schedules.*): [--out DIR] [--datasets digits,wine,breast-cancer] [--seeds 3] [--threads N]", Tabular.TableBenchmark.Run),
        ["replay"] = ("searchers replayed against the schedule table in simulated time, ours vs Optuna's: mean regret by trials and epochs [--runs 20] [--epoch-budget 2700] [--workers 1] [--no-optuna | --optuna-json FILE] [--out FILE]", Tabular.ReplayBenchmark.Run),
        ["mo-replay"] = ("multi-objective successive halving on the schedule table: how much of full training's Pareto front (accuracy up, steps down) it keeps, vs accuracy-only promotion, with front-peeling and front-keeping promotion [--runs 20] [--trials 100] [--datasets digits] [--epsilons 0.1,0.3,0.5]", Tabular.MoReplayBenchmark.Run),
        ["trainer-overhead"] = ("an external trainer's protocol overhead per epoch report and per trial start, vs the same python3 trainer alone [--epochs 2000] [--trials 40] [--runs 3]", TrainerOverheadBenchmark.Run),
        ["scaling"] = ("a CPU-bound sweep on 1 vs 2 silo hosts (network namespaces, Redis clustering); needs root", ScalingBenchmark.Run),
    };

    public static int Main(string[] args)
    {
        if (args.Length == 0 || !Modes.TryGetValue(args[0], out var mode))
        {
            Console.Error.WriteLine("usage: SweepCluster.Bench <mode> [options]");
            foreach (var (name, (description, _)) in Modes) Console.Error.WriteLine($"  {name,-8} {description}");
            return args.Length == 0 ? 1 : 2;
        }
        return mode.Run(args[1..]);
    }
}
