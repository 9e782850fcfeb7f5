// Binds `search.first`: the configurations a random or TPE search tries before its own draws or suggestions. Each is
// a mapping written like the spec's trial keys; SpacePointLocator turns it into the draws that reproduce it, and the
// trial those draws make is bound like any other, its problems reported at the point. `trials` counts the first
// points among its combinations, so a sweep may not give more points than trials. A grid refuses the key. It does
// not decide how a searcher uses the points (the coordinator suggests them first). NSGA-II refuses it too.
using SweepCluster.Core.Specs;

namespace SweepCluster.Specs.Sweeps;

internal static class FirstPointsBinder
{
    private const string Example = "[{ learning_rate: 0.05, batch_size: 32 }]";

    /// <summary>The located first points of <paramref name="search"/> (the <c>search:</c> entry), in file order; empty
    /// when none are given or after reporting problems.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, double>> Bind(SpecBindContext ctx, SpecEntry? search, SweepSettings settings,
        ParameterSpace space, SweepSpaceValidator validator)
    {
        if (search?.Value is not SpecMapping mapping || mapping.Find(SweepKeys.First) is not { } entry) return [];
        var path = SpecPath.Key(SweepKeys.Search, SweepKeys.First);
        if (settings.Strategy == SearchStrategy.Grid)
        {
            ctx.Error(path, entry.KeyLine, $"'{SweepKeys.First}' applies only to strategy: random or tpe; a grid runs every combination in file order");
            return [];
        }
        if (settings.Strategy == SearchStrategy.Nsga2)
        {
            ctx.Error(path, entry.KeyLine, $"'{SweepKeys.First}' applies only to strategy: random or tpe; nsga2 breeds its generations from its own draws");
            return [];
        }
        if (SpecValues.Sequence(ctx, entry.Value, path, Example) is not { } list) return [];
        if (settings.RandomTrials > 0 && list.Items.Count > settings.RandomTrials)
        {
            ctx.Error(path, entry.KeyLine,
                $"gives {list.Items.Count} points but trials is {settings.RandomTrials}: trials counts every combination, the first points " +
                $"included; raise trials to at least {list.Items.Count} or give fewer points");
        }
        var located = new List<IReadOnlyDictionary<string, double>>(list.Items.Count);
        for (var i = 0; i < list.Items.Count; i++)
        {
            var pointPath = SpecPath.Index(path, i);
            if (SpecValues.Mapping(ctx, list.Items[i], pointPath, Example[1..^1]) is not { } point) continue;
            if (SpacePointLocator.Locate(ctx, space, point, pointPath) is not { } draws) continue;
            if (Validate(ctx, space, validator, draws, point, pointPath)) located.Add(draws);
        }
        return ctx.IsValid ? located : [];
    }

    /// <summary>Binds the trial a located point makes; its problems are reported at the point, since the point chose the values.</summary>
    private static bool Validate(SpecBindContext ctx, ParameterSpace space, SweepSpaceValidator validator,
        IReadOnlyDictionary<string, double> draws, SpecMapping point, string pointPath)
    {
        var trial = space.Sample(new RecordedSpaceDraws(draws));
        ExpandedTrialBinder.Bind(trial, ctx.Source, out var errors);
        foreach (var error in errors)
        {
            ctx.Error(pointPath, point, $"this point makes a trial that is not valid: {error.Field}: {error.Message}");
        }
        if (errors.Count > 0) return false;
        validator.Check(trial);
        return true;
    }
}
