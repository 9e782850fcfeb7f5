// Binds the 'model' mapping (hidden sizes, activation, init, negative_slope) to a ModelSpec. It does not build
// networks. negative_slope is accepted with any activation (only leaky_relu uses it), so sweeps over the
// activation can keep one value.
using SweepCluster.Core.Specs;

namespace SweepCluster.Specs;

/// <summary>Binds a <c>model</c> node to a <see cref="ModelSpec"/>.</summary>
public static class ModelSpecBinder
{
    public const string Hidden = "hidden";
    public const string Activation = "activation";
    public const string Init = "init";
    public const string NegativeSlope = "negative_slope";

    /// <summary>The keys a model mapping accepts.</summary>
    public static readonly IReadOnlyList<string> Keys = [Hidden, Activation, Init, NegativeSlope];

    /// <summary>Binds <paramref name="node"/>; reports problems to <paramref name="ctx"/>.</summary>
    public static ModelSpec Bind(SpecBindContext ctx, SpecNode node, string field)
    {
        var spec = new ModelSpec();
        if (SpecValues.Mapping(ctx, node, field, "{ hidden: [64, 32], activation: relu }") is not { } mapping) return spec;
        foreach (var entry in mapping.Entries)
        {
            var path = SpecPath.Key(field, entry.Key);
            var value = entry.Value;
            switch (entry.Key)
            {
                case Hidden:
                    spec = spec with { Hidden = BindHidden(ctx, value, path) };
                    break;
                case Activation when SpecValues.TryEnum<ActivationKind>(ctx, value, path, "activation", out var activation):
                    spec = spec with { Activation = activation };
                    break;
                case Init when SpecValues.TryEnum<InitScheme>(ctx, value, path, "init scheme", out var init):
                    spec = spec with { Init = init };
                    break;
                case NegativeSlope when SpecValues.TryNumber(ctx, value, path, out var slope):
                    spec = spec with { NegativeSlope = slope };
                    break;
                case Hidden or Activation or Init or NegativeSlope:
                    break; // reported while reading the value
                default:
                    SpecValues.UnknownKey(ctx, entry, field, Keys);
                    break;
            }
        }
        return spec;
    }

    private static IReadOnlyList<int> BindHidden(SpecBindContext ctx, SpecNode node, string path)
    {
        if (SpecValues.Sequence(ctx, node, path, "[64, 32] (or [] for a linear model)") is not { } list) return new ModelSpec().Hidden;
        var sizes = new List<int>(list.Items.Count);
        for (var i = 0; i < list.Items.Count; i++)
        {
            var itemPath = SpecPath.Index(path, i);
            if (SpecValues.TryInt(ctx, list.Items[i], itemPath, out var size)
                && SpecValues.Check(ctx, size >= 1, list.Items[i], itemPath, "a layer size must be >= 1 (e.g. 64)", size))
            {
                sizes.Add(size);
            }
        }
        return sizes;
    }
}
