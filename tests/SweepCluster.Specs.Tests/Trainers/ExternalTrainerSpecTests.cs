// The trainer: and params: keys of a spec that names the user's own training program: what binds, what the writer
// writes back, and every mistake reported at its field and line with what would be valid.
using SweepCluster.Core.Specs;

namespace SweepCluster.Specs.Tests.Trainers;

public sealed class ExternalTrainerSpecTests
{
    private const string Trainer = """
        trainer:
          command: [python3, train.py, --fast]
          workdir: scripts
          env: { OMP_NUM_THREADS: 1, DATA: /data/fm }
          timeout_seconds: 600
          stop_grace_seconds: 2.5
        params: { dropout: 0.25, width: 256, activation: gelu, quoted: "128", residual: true, tiny: 1e-4 }
        learning_rate: { schedule: cosine, initial: 0.1, final: 0.001 }
        epochs: 5
        """;

    [Fact]
    public void A_trainer_and_its_params_bind()
    {
        var spec = TrialSpecLoader.Parse(Trainer, SpecFormat.Yaml, "t.yaml").Spec;
        var trainer = spec.Trainer!;
        Assert.Equal(["python3", "train.py", "--fast"], trainer.Command);
        Assert.Equal("scripts", trainer.Workdir);
        Assert.Equal("1", trainer.Env["OMP_NUM_THREADS"]);
        Assert.Equal("/data/fm", trainer.Env["DATA"]);
        Assert.Equal(600, trainer.TimeoutSeconds);
        Assert.Equal(2.5, trainer.StopGraceSeconds);
        Assert.Equal("0.25", spec.Params!["dropout"]);
        Assert.Equal("256", spec.Params["width"]);
        Assert.Equal("\"gelu\"", spec.Params["activation"]);
        Assert.Equal("\"128\"", spec.Params["quoted"]);
        Assert.Equal("true", spec.Params["residual"]);
        Assert.Equal("0.0001", spec.Params["tiny"]);
        Assert.Equal(ScheduleFamily.Cosine, spec.LearningRate.Family);
    }

    [Fact]
    public void Json_params_keep_their_types()
    {
        var spec = TrialSpecLoader.Parse("""{ "trainer": { "command": ["./train"] }, "params": { "w": 3, "name": "x", "on": false, "r": 0.5 } }""", SpecFormat.Json, "t.json").Spec;
        Assert.Equal(["3", "\"x\"", "false", "0.5"], new[] { "w", "name", "on", "r" }.Select(k => spec.Params![k]));
        Assert.Equal(ExternalTrainerSpec.DefaultStopGraceSeconds, spec.Trainer!.StopGraceSeconds);
        Assert.Null(spec.Trainer.TimeoutSeconds);
        Assert.Null(spec.Trainer.Workdir);
    }

    [Fact]
    public void The_writer_writes_a_trainer_back_to_an_equal_spec()
    {
        var spec = TrialSpecLoader.Parse(Trainer, SpecFormat.Yaml, "t.yaml").Spec;
        SpecAssert.Equal(spec, TrialSpecLoader.Parse(TrialSpecWriter.ToYaml(spec), SpecFormat.Yaml, "again.yaml").Spec);
    }

    [Fact]
    public void A_copy_of_a_trainer_spec_is_the_same_spec_and_another_param_is_not()
    {
        var spec = TrialSpecLoader.Parse(Trainer, SpecFormat.Yaml, "t.yaml").Spec;
        var copy = TrialSpecJson.Deserialize(TrialSpecJson.Serialize(spec)); // a deserialised assignment: new dictionaries and lists
        Assert.True(spec.SameAs(copy));
        var other = copy with { Params = new Dictionary<string, string>(copy.Params!) { ["width"] = "512" } };
        Assert.False(spec.SameAs(other));
        Assert.False(spec.SameAs(copy with { Trainer = copy.Trainer! with { Command = ["python3", "other.py"] } }));
    }

    [Fact]
    public void A_spec_without_a_trainer_serialises_as_before()
    {
        var json = TrialSpecJson.Serialize(new TrialSpec());
        Assert.DoesNotContain("trainer", json, StringComparison.Ordinal);
        Assert.DoesNotContain("params", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Engine_keys_beside_a_trainer_are_refused_one_by_one()
    {
        var errors = SpecAssert.Errors("trainer: { command: [python3, train.py] }\ndataset: digits\nmodel: { hidden: [8] }\n");
        SpecAssert.HasError(errors, "dataset", 2, "'dataset' is read by the built-in engine only");
        SpecAssert.HasError(errors, "model", 3, "pass it to your program as a searched value under params:");
    }

    [Theory]
    [InlineData("trainer: { workdir: . }", "trainer", 1, "a trainer needs a command, e.g. trainer: { command: [python3, train.py]")]
    [InlineData("trainer: { command: python3 train.py }", "trainer.command", 1, "as a list, e.g. command: [python3, train.py] (it is run without a shell)")]
    [InlineData("trainer: { command: [] }", "trainer.command", 1, "give the program and its arguments")]
    [InlineData("trainer: { command: [python3, [a]] }", "trainer.command[1]", 1, "each part of the command is one word")]
    [InlineData("trainer: { command: [x], timeout_seconds: 0 }", "trainer.timeout_seconds", 1, "must be > 0")]
    [InlineData("trainer: { command: [x], stop_grace_seconds: -1 }", "trainer.stop_grace_seconds", 1, "must be >= 0")]
    [InlineData("trainer: { command: [x], env: { A: [1] } }", "trainer.env.A", 1, "one string or number")]
    [InlineData("trainer: { command: [x], timout_seconds: 5 }", "trainer.timout_seconds", 1, "timeout_seconds")]
    [InlineData("trainer: python3", "trainer", 1, "expected a mapping")]
    [InlineData("trainer: { command: [x] }\nlearning_rate: { schedule: plateau, initial: 0.1 }", "learning_rate", 2, "plateau is an adaptive policy of the built-in engine")]
    [InlineData("params: { dropout: 0.1 }", "params", 1, "add trainer: { command: [...] }")]
    [InlineData("trainer: { command: [x] }\nparams: { 2fast: 1 }", "params.2fast", 2, "a param's name is a letter or '_'")]
    [InlineData("trainer: { command: [x] }\nparams: { layers: { a: 1 } }", "params.layers", 2, "a param is one value (a number, a string or true/false)")]
    public void Each_mistake_is_reported_at_its_field(string text, string field, int line, string fragment) =>
        SpecAssert.HasError(SpecAssert.Errors(text + "\n"), field, line, fragment);
}
