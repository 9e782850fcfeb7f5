// `sweep run` and `sweep validate` with a spec that names the user's own trainer, as real processes: a python3 toy
// trainer's sweep runs on the embedded default and its reports land in history.csv; a trainer that cannot start on
// this machine is refused before anything runs, with its line and exit code 2.
using SweepCluster.Testing;

namespace SweepCluster.Cli.Tests.Trainers;

public sealed class TrainerCliTests : IDisposable
{
    private static readonly string Python = ToyTrainerFolder.Python;
    private readonly ToyTrainerFolder _toy = new("trainer-cli");

    private string Folder => _toy.Path;

    public void Dispose() => _toy.Dispose();

    private string Spec(string program = "", string workdir = "")
    {
        var text = $"""
            name: toy
            metric: {'{'} name: val_accuracy, goal: maximize {'}'}
            trainer:
              command: ["{(program.Length > 0 ? program : Python)}", toy_trainer.py]
            {(workdir.Length > 0 ? $"  workdir: {workdir}\n" : "")}  env: {'{'} PYTHONPATH: "{ToyTrainerFolder.ClientPath}", PYTHONDONTWRITEBYTECODE: "1" {'}'}
            params: {'{'} width: [1, 3] {'}'}
            learning_rate: [0.1, {'{'} schedule: cosine, initial: 0.2, final: 0.0 {'}'}]
            seeds: [1, 2]
            epochs: 3
            """;
        var path = Path.Combine(Folder, "toy.yaml");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void A_sweep_of_a_python_trainer_runs_on_the_embedded_default_and_its_reports_reach_history_csv()
    {
        var output = Path.Combine(Folder, "out");
        var (exit, text) = CliRunner.ProcessIn(Folder, "run", Spec(), "--store", "memory", "-o", output);

        Assert.True(exit == 0, text);
        Assert.Contains("8 trials: 8 completed", text);
        Assert.Contains("params.width", text);
        var history = File.ReadAllLines(Directory.GetFiles(output, "history.csv", SearchOption.AllDirectories).Single());
        var header = history[0].Split(',');
        var epoch = Array.IndexOf(header, "epoch");
        var accuracy = Array.IndexOf(header, "val_metric"); // val_accuracy, in history.csv's engine-wide column
        Assert.True(epoch >= 0 && accuracy >= 0, history[0]);
        Assert.Equal(8 * 3, history.Length - 1);
        // The toy trainer's first epoch: lr·width/100 + seed/1000; trial 0 is width 1, lr 0.1, seed 1.
        var first = history.Skip(1).Select(line => line.Split(',')).First(fields => fields[epoch] == "1");
        Assert.Equal(0.1 * 1 / 100 + 0.001, double.Parse(first[accuracy], System.Globalization.CultureInfo.InvariantCulture), 12);
    }

    [Fact]
    public void A_trainer_whose_program_is_not_found_here_is_refused_with_its_line()
    {
        var (exit, text) = CliRunner.ProcessIn(Folder, "run", Spec(program: "no-such-python"), "--store", "memory", "-o", Path.Combine(Folder, "out"));
        Assert.Equal(2, exit);
        Assert.Contains("toy.yaml:3: trainer.command: the trainer cannot start on this machine: its program no-such-python is not found on PATH", text);
        Assert.False(Directory.Exists(Path.Combine(Folder, "out")));
    }

    [Fact]
    public void A_trainer_whose_workdir_is_missing_is_refused_by_validate()
    {
        var (exit, text) = CliRunner.ProcessIn(Folder, "validate", Spec(workdir: "nowhere"));
        Assert.Equal(2, exit);
        Assert.Contains("trainer.workdir: the trainer cannot start on this machine: its working directory", text);
        Assert.Contains("nowhere does not exist", text);
    }
}
