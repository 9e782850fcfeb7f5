// Every kind of spec error, table-driven: field path, 1-based line, and the what-is-valid part of the message;
// plus file-level failures (missing, oversized, wrong extension, deep nesting, alias blow-up).
using SweepCluster.Core.Specs;
using SweepCluster.Engine.Specs;

namespace SweepCluster.Specs.Tests;

/// <summary>Every kind of spec error: the field path, the 1-based line, and the what-is-valid part of the message.</summary>
public sealed class SpecErrorTests
{
    [Theory]
    // unknown keys, with did-you-mean and the valid keys
    [InlineData("epochs: 3\nlearnig_rate: 0.1", "learnig_rate", 2, "unknown key 'learnig_rate'; did you mean 'learning_rate'? Valid keys: dataset, task")]
    [InlineData("model:\n  hiden: [3]", "model.hiden", 2, "did you mean 'hidden'? Valid keys: hidden, activation, init, negative_slope")]
    [InlineData("optimizer: { type: sgd, momentun: 0.9 }", "optimizer.momentun", 1, "did you mean 'momentum'?")]
    [InlineData("momentum: 0.9", "momentum", 1, "it belongs under 'optimizer'")]
    [InlineData("zzz: 1", "zzz", 1, "unknown key 'zzz'. Valid keys: dataset, task, targets")]
    [InlineData("learning_rate: { initial: 0.1, gama: 0.5 }", "learning_rate.gama", 1, "did you mean 'gamma'?")]
    // unknown enum values
    [InlineData("model: { activation: relu6 }", "model.activation", 1, "unknown activation 'relu6'; did you mean 'relu'? Valid values: relu, leaky_relu, tanh, sigmoid, identity")]
    [InlineData("model: { init: kaiming }", "model.init", 1, "Valid values: he, xavier, normal")]
    [InlineData("optimizer: { type: adan }", "optimizer.type", 1, "did you mean 'adam'? Valid values: sgd, adam, adamw, rmsprop")]
    [InlineData("optimizer: rmsprob", "optimizer", 1, "did you mean 'rmsprop'?")]
    [InlineData("loss: mae", "loss", 1, "did you mean 'mse'? Valid values: cross_entropy, mse")]
    [InlineData("task: clasification", "task", 1, "did you mean 'classification'? Valid values: classification, regression")]
    [InlineData("learning_rate: { schedule: cosin, initial: 0.1 }", "learning_rate.schedule", 1, "did you mean 'cosine'? Valid schedules for learning_rate: constant, inverse_time")]
    [InlineData("learning_rate: { initial: 0.1, every: batch }", "learning_rate.every", 1, "Valid values: step, epoch")]
    // wrong types
    [InlineData("epochs: ten", "epochs", 1, "expected a whole number (e.g. 30), found 'ten'")]
    [InlineData("validation: [0.2]", "validation", 1, "expected a number (e.g. 0.1), found a list")]
    [InlineData("epochs: 2.5", "epochs", 1, "must be a whole number (e.g. 30), found 2.5")]
    [InlineData("epochs: '30'", "epochs", 1, "found the string \"30\"; write numbers without quotes")]
    [InlineData("epochs:", "epochs", 1, "found no value (null)")]
    [InlineData("shuffle: yes", "shuffle", 1, "expected true or false, found 'yes'")]
    [InlineData("shuffle: 1", "shuffle", 1, "expected true or false, found '1'")]
    [InlineData("model: relu", "model", 1, "expected a mapping such as { hidden: [64, 32], activation: relu }")]
    [InlineData("model: { hidden: 64 }", "model.hidden", 1, "expected a list such as [64, 32] (or [] for a linear model)")]
    [InlineData("model:\n  hidden: [64, x]", "model.hidden[1]", 2, "expected a whole number")]
    [InlineData("learning_rate: [0.1]", "learning_rate", 1, "expected a number (a constant) or a schedule mapping such as { schedule: cosine, initial: 0.1 }")]
    [InlineData("learning_rate: { initial: 0.1, milestones: 3, schedule: step }", "learning_rate.milestones", 1, "expected a list such as [30, 60, 90]")]
    [InlineData("epochs: 99999999999", "epochs", 1, "is too large: at most 2,147,483,647, found 99999999999")]
    // NaN and infinities
    [InlineData("learning_rate: .nan", "learning_rate", 1, "must be a finite number")]
    [InlineData("weight_decay: .inf", "weight_decay", 1, "must be a finite number")]
    [InlineData("model: { negative_slope: -.Inf }", "model.negative_slope", 1, "must be a finite number")]
    [InlineData("validation: 1e999", "validation", 1, "must be a finite number")]
    [InlineData("learning_rate: { initial: NaN }", "learning_rate.initial", 1, "must be a finite number")]
    // ranges
    [InlineData("epochs: 0", "epochs", 1, "must be >= 1 (e.g. 30), found 0")]
    [InlineData("targets: 0", "targets", 1, "must be >= 1")]
    [InlineData("validation: 1", "validation", 1, "must be in [0, 1)")]
    [InlineData("learning_rate: -0.1", "learning_rate", 1, "a learning rate must be > 0 (e.g. 0.1), found -0.1")]
    [InlineData("learning_rate: { schedule: plateau, base: { initial: 0 } }", "learning_rate.base.initial", 1, "a learning rate must be > 0")]
    [InlineData("weight_decay: -1e-4", "weight_decay", 1, "weight decay must be >= 0")]
    [InlineData("batch_size: 0", "batch_size", 1, "a batch size must be a whole number >= 1")]
    [InlineData("batch_size: { initial: 32, min: 0 }", "batch_size.min", 1, "a batch size bound must be >= 1")]
    [InlineData("batch_size: { initial: 32, min: 64, max: 16 }", "batch_size.max", 1, "must be >= min (64), found 16")]
    [InlineData("model: { hidden: [64, 0] }", "model.hidden[1]", 1, "a layer size must be >= 1")]
    [InlineData("optimizer: { momentum: 1.0 }", "optimizer.momentum", 1, "must be in [0, 1) (e.g. 0.9), found 1")]
    [InlineData("optimizer: { type: adam, beta2: 1 }", "optimizer.beta2", 1, "must be in [0, 1)")]
    [InlineData("optimizer: { type: adam, eps: 0 }", "optimizer.eps", 1, "must be > 0 (e.g. 1e-8)")]
    [InlineData("optimizer: { type: sgd, nesterov: true }", "optimizer.nesterov", 1, "nesterov needs momentum > 0")]
    [InlineData("learning_rate: { schedule: inverse_time, initial: 0.1, alpha: -1 }", "learning_rate.alpha", 1, "must be >= 0")]
    [InlineData("learning_rate: { schedule: exponential, initial: 0.1, gamma: 0 }", "learning_rate.gamma", 1, "must be > 0")]
    [InlineData("learning_rate: { schedule: polynomial, initial: 0.1, beta: 0 }", "learning_rate.beta", 1, "must be > 0 for polynomial")]
    [InlineData("learning_rate: { schedule: cosine, initial: 0.1, final: -1 }", "learning_rate.final", 1, "must be >= 0")]
    [InlineData("learning_rate: { initial: 0.1, warmup: -5 }", "learning_rate.warmup", 1, "must be >= 0")]
    [InlineData("learning_rate: { schedule: plateau, initial: 0.1, factor: 1.5 }", "learning_rate.factor", 1, "must be in (0, 1)")]
    [InlineData("learning_rate: { schedule: plateau, initial: 0.1, patience: -1 }", "learning_rate.patience", 1, "must be >= 0")]
    [InlineData("batch_size: { schedule: noise_scale, initial: 32, smoothing: 1 }", "batch_size.smoothing", 1, "must be in [0, 1)")]
    [InlineData("learning_rate: { schedule: fan_in, initial: 0.1, reference: 0 }", "learning_rate.reference", 1, "must be > 0")]
    // family rules
    [InlineData("learning_rate: { schedule: cosine, initial: 0.1, gamma: 0.5 }", "learning_rate.gamma", 1, "'gamma' does not apply to a cosine schedule; it is used by: exponential, step. Valid keys for cosine: schedule, initial, final, warmup, every, min, max")]
    [InlineData("learning_rate: { schedule: step, initial: 0.1 }", "learning_rate", 1, "needs either step_size (e.g. step_size: 10) or milestones")]
    [InlineData("learning_rate: { schedule: step, initial: 0.1, step_size: 5, milestones: [10] }", "learning_rate.milestones", 1, "not both")]
    [InlineData("learning_rate:\n  schedule: step\n  milestones: [30, 30]", "learning_rate.milestones[1]", 3, "strictly increasing")]
    [InlineData("learning_rate: { schedule: step, milestones: [0, 5] }", "learning_rate.milestones[0]", 1, "must be >= 1")]
    [InlineData("learning_rate: { schedule: noise_scale }", "learning_rate.schedule", 1, "noise_scale is valid only under batch_size")]
    [InlineData("batch_size: { schedule: fan_in }", "batch_size.schedule", 1, "fan_in is valid only under learning_rate. Valid schedules for batch_size: constant")]
    [InlineData("batch_size:\n  schedule: cosine\n  every: step", "batch_size.every", 3, "use every: epoch")]
    [InlineData("learning_rate: { schedule: plateau, initial: 0.1, base: 0.2 }", "learning_rate.base", 1, "give either initial")]
    [InlineData("learning_rate: { schedule: plateau, base: { schedule: fan_in } }", "learning_rate.base.schedule", 1, "a base schedule cannot itself be adaptive")]
    [InlineData("task: regression\nloss: cross_entropy", "loss", 2, "for task: regression use loss: mse")]
    // document-level problems
    [InlineData("epochs: 3\nseed: 1\nepochs: 4", "epochs", 3, "duplicate key 'epochs': first at line 1, again at line 3")]
    [InlineData("model:\n  init: he\n  init: normal", "model.init", 3, "first at line 2, again at line 3")]
    [InlineData("- 1\n- 2", "", 1, "a trial spec must be a mapping of keys to values (e.g. 'epochs: 30'), found a list")]
    [InlineData("hello", "", 1, "must be a mapping of keys to values (e.g. 'epochs: 30'), found 'hello'")]
    [InlineData("", "", 1, "the file is empty")]
    [InlineData("# only a comment\n", "", 1, "the file is empty")]
    [InlineData("epochs: 3\n---\nseed: 2", "", 2, "more than one YAML document")]
    [InlineData("epochs: 3\nseed: 'x", "", 2, "YAML syntax error at line 2, column 7")]
    [InlineData("epochs: 3\nseed: 1: 2", "", 2, "YAML syntax error at line 2")]
    [InlineData("epochs: 3\nmodel: { hidden: [1, 2 }\nseed: 1", "", 2, "YAML syntax error")]
    [InlineData("seed: *nope", "seed", 1, "alias '*nope' refers to no anchor")]
    [InlineData("? [a]\n: 1", "", 1, "a mapping key must be a plain name")]
    public void YamlErrorsNameFieldLineAndWhatIsValid(string yaml, string field, int line, string fragment) =>
        SpecAssert.HasError(SpecAssert.Errors(yaml), field, line, fragment);

    [Theory]
    [InlineData("{\n  \"epochs\": 3,\n  \"seed\": \n}", "", 4, "JSON syntax error at line 4, column 1")]
    [InlineData("{\"epochs\": 3}\nxyz", "", 2, "is invalid after a single JSON value")]
    [InlineData("{\n\"epochs\": 3,\n\"epochs\": 4\n}", "epochs", 3, "duplicate key 'epochs': first at line 2, again at line 3")]
    [InlineData("{\"learning_rate\": \"NaN\"}", "learning_rate", 1, "must be a finite number")]
    [InlineData("{\"validation\": \"Infinity\"}", "validation", 1, "must be a finite number")]
    [InlineData("{\n\"validation\": 1e400}", "validation", 2, "must be a finite number")]
    [InlineData("{\"epochs\": \"10\"}", "epochs", 1, "write numbers without quotes")]
    [InlineData("{\"epochs\": true}", "epochs", 1, "expected a whole number (e.g. 30), found true")]
    [InlineData("{\"model\": {\"hidden\": [64, \"x\"]}}", "model.hidden[1]", 1, "expected a whole number")]
    [InlineData("{\"shuffle\": 1}", "shuffle", 1, "expected true or false, found '1'")]
    [InlineData("{\"dataset\": 5}", "dataset", 1, "expected a string, found '5'")]
    [InlineData("{\"optimizer\": {\"type\": 1}}", "optimizer.type", 1, "Valid values: sgd, adam, adamw, rmsprop")]
    [InlineData("{\"learnig_rate\": 0.1}", "learnig_rate", 1, "did you mean 'learning_rate'?")]
    [InlineData("[1]", "", 1, "must be a mapping")]
    [InlineData("null", "", 1, "found an empty document")]
    [InlineData("  \n", "", 1, "the file is empty")]
    public void JsonErrorsNameFieldLineAndWhatIsValid(string json, string field, int line, string fragment) =>
        SpecAssert.HasError(SpecAssert.Errors(json, SpecFormat.Json), field, line, fragment);

    [Fact]
    public void AllErrorsOfADocumentAreReportedTogether()
    {
        var errors = SpecAssert.Errors("""
            epochs: ten
            learnig_rate: 0.1
            model: { activation: relu6, hidden: [0] }
            optimizer: { momentum: 2 }
            epochs: 5
            """);
        Assert.Equal(["epochs", "learnig_rate", "model.activation", "model.hidden[0]", "optimizer.momentum", "epochs"],
            errors.Select(e => e.Field));
        Assert.Equal([1, 2, 3, 3, 4, 5], errors.Select(e => e.Line ?? 0));
    }

    [Fact]
    public void ExceptionMessageListsEveryErrorWithSourceAndLine()
    {
        using var dir = new TempDir();
        var path = dir.Write("bad.yaml", "epochs: 0\nseed: x\n");
        var ex = Assert.Throws<SpecException>(() => TrialSpecLoader.Load(path));
        Assert.Contains($"{path}:1: epochs: must be >= 1", ex.Message);
        Assert.Contains($"{path}:2: seed: expected a whole number", ex.Message);
        Assert.All(ex.Errors, e => Assert.Equal(path, e.Source));
    }

    [Fact]
    public void MissingFileNamesThePath()
    {
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "nope.yaml");
        var error = Assert.Single(Assert.Throws<SpecException>(() => TrialSpecLoader.Load(path)).Errors);
        Assert.Contains($"file not found: {path}", error.Message);
    }

    [Fact]
    public void UnknownExtensionListsTheValidOnes()
    {
        using var dir = new TempDir();
        var error = Assert.Single(Assert.Throws<SpecException>(() => TrialSpecLoader.Load(dir.Write("spec.txt", "epochs: 3"))).Errors);
        Assert.Contains("extension '.txt'; use .yaml, .yml, .json", error.Message);
    }

    [Fact]
    public void DirectoryIsNotASpec()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(Path.Combine(dir.Path, "d.yaml"));
        var error = Assert.Single(Assert.Throws<SpecException>(() => TrialSpecLoader.Load(Path.Combine(dir.Path, "d.yaml"))).Errors);
        Assert.Contains("is a directory", error.Message);
    }

    [Fact]
    public void OversizedFileIsRefusedBeforeReading()
    {
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "huge.yaml");
        using (var stream = File.Create(path))
        {
            stream.SetLength(50L * 1024 * 1024); // sparse: nothing is written
        }
        var error = Assert.Single(Assert.Throws<SpecException>(() => TrialSpecLoader.Load(path)).Errors);
        Assert.Contains("52,428,800 bytes; the limit for a spec is 1,048,576 bytes (1 MiB)", error.Message);
    }

    [Fact]
    public void OversizedTextIsRefused()
    {
        var text = "# " + new string('x', (int)SpecLimits.MaxFileBytes);
        var error = Assert.Single(SpecAssert.Errors(text));
        Assert.Contains("the limit for a spec is 1,048,576 bytes", error.Message);
    }

    [Fact]
    public void InvalidUtf8IsReported()
    {
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "bad.yaml");
        File.WriteAllBytes(path, [(byte)'a', (byte)':', (byte)' ', 0xFF, 0xFE]);
        var error = Assert.Single(Assert.Throws<SpecException>(() => TrialSpecLoader.Load(path)).Errors);
        Assert.Contains("not valid UTF-8", error.Message);
    }

    [Theory]
    [InlineData(SpecFormat.Yaml, "[", "]")]
    [InlineData(SpecFormat.Json, "[", "]")]
    [InlineData(SpecFormat.Yaml, "{a: ", "}")]
    [InlineData(SpecFormat.Json, "{\"a\": ", "}")]
    public void DeepNestingIsAClearErrorNotAStackOverflow(SpecFormat format, string open, string close)
    {
        const int depth = 10_000;
        var text = string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth));
        var error = Assert.Single(SpecAssert.Errors(text, format));
        Assert.Equal((1, ""), (error.Line, error.Field));
        Assert.Contains($"nesting is deeper than {SpecLimits.MaxDepth} levels", error.Message);
    }

    [Fact]
    public void DeepBlockNestingIsRefusedToo()
    {
        var lines = Enumerable.Range(0, 200).Select(i => new string(' ', 2 * i) + "k:");
        var error = Assert.Single(SpecAssert.Errors(string.Join("\n", lines) + " 1"));
        Assert.Equal(SpecLimits.MaxDepth + 1, error.Line);
        Assert.Contains("nesting is deeper than", error.Message);
    }

    [Fact]
    public void BillionLaughsIsRefused()
    {
        var yaml = new System.Text.StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i <= 9; i++)
        {
            yaml.Append($"a{i}: &a{i} [").Append(string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))).Append("]\n");
        }
        var error = Assert.Single(SpecAssert.Errors(yaml.ToString()));
        Assert.Contains($"more than {SpecLimits.MaxNodes} values (counting every use of an alias)", error.Message);
    }

    [Fact]
    public void AliasDepthCountsTowardsTheLimit()
    {
        var yaml = new System.Text.StringBuilder("a0: &a0 [1]\n");
        for (var i = 1; i <= 70; i++) yaml.Append($"a{i}: &a{i} [*a{i - 1}]\n");
        var error = Assert.Single(SpecAssert.Errors(yaml.ToString()));
        Assert.Contains("nesting is deeper than", error.Message);
    }

    [Fact]
    public void SuggestionsNeedToBeClose()
    {
        Assert.Equal("learning_rate", SpecSuggest.Closest("learnig_rate", TrialSpecBinder.Keys));
        Assert.Equal("tanh", SpecSuggest.Closest("tahn", SpecNames.All<ActivationKind>()));
        Assert.Equal("exponential", SpecSuggest.Closest("expo", SpecNames.All<ScheduleFamily>()));
        Assert.Null(SpecSuggest.Closest("lr", TrialSpecBinder.Keys));
    }
}
