// The flattening of a trial spec into typed hyperparameter columns, as pure functions: names, order, types, values.
using SweepCluster.Core.Specs;
using SweepCluster.Store.Hyperparameters;

namespace SweepCluster.Store.Tests.Hyperparameters;

public sealed class HyperparameterColumnsTests
{
    private static (string Column, ColumnType Type, object Value)[] Flat(IEnumerable<HyperparameterValue> values) =>
        values.Select(value => (value.Column, value.Type, value.Value)).ToArray();

    [Fact]
    public void Quickstart_trial_flattens_every_schedule_with_its_family_and_typed_parameters()
    {
        var spec = new TrialSpec
        {
            LearningRate = new ScheduleSpec { Family = ScheduleFamily.InverseTime, Initial = 0.1, Alpha = 0.01, Beta = 0.5 },
            WeightDecay = ScheduleSpec.ConstantOf(1e-4),
            BatchSize = new ScheduleSpec { Family = ScheduleFamily.InverseTime, Initial = 32, Alpha = 0.2, Beta = -1, Max = 256 },
        };

        Assert.Equal(
            [
                ("learning_rate.schedule", ColumnType.Text, "inverse_time"),
                ("learning_rate.initial", ColumnType.Real, 0.1),
                ("learning_rate.alpha", ColumnType.Real, 0.01),
                ("learning_rate.beta", ColumnType.Real, 0.5),
                ("learning_rate.warmup", ColumnType.Integer, 0L),
                ("weight_decay.schedule", ColumnType.Text, "constant"),
                ("weight_decay.initial", ColumnType.Real, 1e-4),
                ("weight_decay.warmup", ColumnType.Integer, 0L),
                ("batch_size.schedule", ColumnType.Text, "inverse_time"),
                ("batch_size.initial", ColumnType.Integer, 32L),
                ("batch_size.alpha", ColumnType.Real, 0.2),
                ("batch_size.beta", ColumnType.Real, -1.0),
                ("batch_size.warmup", ColumnType.Integer, 0L),
                ("batch_size.max", ColumnType.Real, 256.0),
            ],
            Flat(HyperparameterColumns.Of(spec)));
    }

    [Theory]
    [InlineData(ScheduleFamily.Constant, "initial")]
    [InlineData(ScheduleFamily.InverseTime, "initial,alpha,beta")]
    [InlineData(ScheduleFamily.Exponential, "initial,gamma")]
    [InlineData(ScheduleFamily.Polynomial, "initial,beta,final")]
    [InlineData(ScheduleFamily.Step, "initial,gamma,step_size")]
    [InlineData(ScheduleFamily.Cosine, "initial,final")]
    [InlineData(ScheduleFamily.NoiseScale, "initial,smoothing")]
    [InlineData(ScheduleFamily.Plateau, "initial,factor,patience,threshold,cooldown")]
    [InlineData(ScheduleFamily.FeatureScale, "initial")]
    [InlineData(ScheduleFamily.FanIn, "initial,power")]
    [InlineData(ScheduleFamily.Recorded, "")]
    public void Each_family_writes_its_own_parameters_then_warmup(ScheduleFamily family, string parameters)
    {
        var columns = ScheduleColumns.Of("learning_rate", new ScheduleSpec { Family = family, Initial = 0.1 }, ScheduleTarget.LearningRate);

        var expected = new[] { "schedule" }.Concat(parameters.Split(',', StringSplitOptions.RemoveEmptyEntries)).Append("warmup")
            .Select(key => $"learning_rate.{key}");
        Assert.Equal(expected, columns.Select(column => column.Column));
    }

    [Fact]
    public void Integer_parameters_are_integer_columns_and_the_rest_real()
    {
        var plateau = new ScheduleSpec { Family = ScheduleFamily.Plateau, Initial = 0.05, Factor = 0.5, Patience = 3, Cooldown = 2, Warmup = 100 };

        var types = ScheduleColumns.Of("learning_rate", plateau, ScheduleTarget.LearningRate).ToDictionary(c => c.Column, c => (c.Type, c.Value));

        Assert.Equal((ColumnType.Integer, (object)3L), types["learning_rate.patience"]);
        Assert.Equal((ColumnType.Integer, (object)2L), types["learning_rate.cooldown"]);
        Assert.Equal((ColumnType.Integer, (object)100L), types["learning_rate.warmup"]);
        Assert.Equal((ColumnType.Real, (object)0.5), types["learning_rate.factor"]);
        Assert.Equal((ColumnType.Real, (object)0.05), types["learning_rate.initial"]);
    }

    [Fact]
    public void A_batch_size_initial_value_is_an_integer_and_a_learning_rate_initial_value_is_real()
    {
        var schedule = ScheduleSpec.ConstantOf(64);

        Assert.Equal(ColumnType.Integer, ScheduleColumns.Of("batch_size", schedule, ScheduleTarget.BatchSize)[1].Type);
        Assert.Equal(64L, ScheduleColumns.Of("batch_size", schedule, ScheduleTarget.BatchSize)[1].Value);
        Assert.Equal(ColumnType.Real, ScheduleColumns.Of("learning_rate", schedule, ScheduleTarget.LearningRate)[1].Type);
    }

    [Fact]
    public void A_fractional_batch_size_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            ScheduleColumns.Of("batch_size", ScheduleSpec.ConstantOf(32.5), ScheduleTarget.BatchSize));
        Assert.Contains("32.5", error.Message);
    }

    [Fact]
    public void Step_writes_step_size_or_milestones_whichever_the_spec_uses()
    {
        var periodic = new ScheduleSpec { Family = ScheduleFamily.Step, Initial = 0.1, Gamma = 0.5, StepSize = 10 };
        var milestones = new ScheduleSpec { Family = ScheduleFamily.Step, Initial = 0.1, Milestones = [30, 60] };

        var periodicColumns = ScheduleColumns.Of("lr", periodic, ScheduleTarget.LearningRate).ToDictionary(c => c.Column, c => c.Value);
        var milestoneColumns = ScheduleColumns.Of("lr", milestones, ScheduleTarget.LearningRate).ToDictionary(c => c.Column, c => c.Value);

        Assert.Equal(10L, periodicColumns["lr.step_size"]);
        Assert.False(periodicColumns.ContainsKey("lr.milestones"));
        Assert.Equal("[30, 60]", milestoneColumns["lr.milestones"]);
        Assert.False(milestoneColumns.ContainsKey("lr.step_size"));
    }

    [Fact]
    public void Settings_without_a_default_number_appear_only_when_set()
    {
        var plain = ScheduleSpec.ConstantOf(0.1);
        var set = plain with { Every = ScheduleClock.Epoch, Min = 0.001, Max = 1, Scale = 1.2 };

        Assert.DoesNotContain(ScheduleColumns.Of("lr", plain, ScheduleTarget.LearningRate),
            column => column.Column is "lr.every" or "lr.min" or "lr.max" or "lr.scale");
        Assert.Equal(
            [("lr.every", ColumnType.Text, "epoch"), ("lr.min", ColumnType.Real, 0.001), ("lr.max", ColumnType.Real, 1.0), ("lr.scale", ColumnType.Real, 1.2)],
            Flat(ScheduleColumns.Of("lr", set, ScheduleTarget.LearningRate)).Skip(3));
    }

    [Fact]
    public void An_adaptive_policy_flattens_its_base_schedule_under_base()
    {
        var plateau = new ScheduleSpec
        {
            Family = ScheduleFamily.Plateau, Initial = 0.1, Factor = 0.5, Patience = 3,
            Base = new ScheduleSpec { Family = ScheduleFamily.Cosine, Initial = 0.1, Final = 0.001 },
        };

        var columns = ScheduleColumns.Of("learning_rate", plateau, ScheduleTarget.LearningRate).Select(c => c.Column).ToList();

        Assert.Equal(
            ["learning_rate.base.schedule", "learning_rate.base.initial", "learning_rate.base.final", "learning_rate.base.warmup"],
            columns.SkipWhile(c => !c.StartsWith("learning_rate.base.", StringComparison.Ordinal)));
    }

    [Fact]
    public void Searched_paths_choose_the_schedules_and_fields_in_their_order()
    {
        var spec = new TrialSpec { Optimizer = new OptimizerSpec { Type = OptimizerKind.AdamW, Momentum = 0.9 }, Model = new ModelSpec { Hidden = [128, 64] } };

        var columns = HyperparameterColumns.Of(spec, ["optimizer.type", "batch_size.initial", "model.hidden", "seed"]).Select(c => c.Column);

        Assert.Equal(["optimizer.type", "batch_size.schedule", "batch_size.initial", "batch_size.warmup", "model.hidden"], columns);
        Assert.Equal("adamw", HyperparameterColumns.Of(spec, ["optimizer.type"])[0].Value);
        Assert.Equal("[128, 64]", HyperparameterColumns.Of(spec, ["model.hidden"])[0].Value);
    }

    [Fact]
    public void A_searched_mapping_covers_every_field_under_it_and_booleans_are_integers()
    {
        var columns = HyperparameterColumns.Of(new TrialSpec(), ["optimizer"]).ToDictionary(c => c.Column, c => (c.Type, c.Value));

        Assert.Equal(["optimizer.type", "optimizer.momentum", "optimizer.nesterov", "optimizer.beta1", "optimizer.beta2", "optimizer.eps",
            "optimizer.alpha", "optimizer.centered"], columns.Keys);
        Assert.Equal((ColumnType.Integer, (object)0L), columns["optimizer.nesterov"]);
        Assert.Equal((ColumnType.Text, (object)"sgd"), columns["optimizer.type"]);
    }

    [Fact]
    public void A_path_searched_twice_gives_its_columns_once()
    {
        var columns = HyperparameterColumns.Of(new TrialSpec(), ["learning_rate.initial", "learning_rate"]).Select(c => c.Column).ToList();

        Assert.Equal(columns.Distinct().Count(), columns.Count);
        Assert.Equal(["learning_rate.schedule", "learning_rate.initial", "learning_rate.warmup"], columns);
    }

    [Fact]
    public void The_same_spec_always_gives_the_same_columns()
    {
        var spec = new TrialSpec { LearningRate = new ScheduleSpec { Family = ScheduleFamily.Cosine, Initial = 0.1, Final = 0.001, Warmup = 50 } };

        Assert.Equal(HyperparameterColumns.Of(spec), HyperparameterColumns.Of(spec with { }));
    }
}
