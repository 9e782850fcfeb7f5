// Binds the 'optimizer' node to an OptimizerSpec: a mapping with 'type' and the hyperparameters, or just a name
// ("optimizer: adam"). Every key is accepted with every type (unused ones are ignored by the optimizer), so that a
// sweep over the type can keep shared settings. It does not implement optimizers.
using SweepCluster.Core.Specs;

namespace SweepCluster.Specs;

/// <summary>Binds an <c>optimizer</c> node to an <see cref="OptimizerSpec"/>.</summary>
public static class OptimizerSpecBinder
{
    public const string Type = "type";
    public const string Momentum = "momentum";
    public const string Nesterov = "nesterov";
    public const string Beta1 = "beta1";
    public const string Beta2 = "beta2";
    public const string Eps = "eps";
    public const string Alpha = "alpha";
    public const string Centered = "centered";

    private const string UnitRule = "must be in [0, 1)";

    /// <summary>The keys an optimizer mapping accepts.</summary>
    public static readonly IReadOnlyList<string> Keys = [Type, Momentum, Nesterov, Beta1, Beta2, Eps, Alpha, Centered];

    /// <summary>Binds <paramref name="node"/>; reports problems to <paramref name="ctx"/>.</summary>
    public static OptimizerSpec Bind(SpecBindContext ctx, SpecNode node, string field)
    {
        var spec = new OptimizerSpec();
        if (node is SpecScalar)
        {
            return SpecValues.TryEnum<OptimizerKind>(ctx, node, field, "optimizer", out var kind) ? spec with { Type = kind } : spec;
        }
        if (SpecValues.Mapping(ctx, node, field, "{ type: sgd, momentum: 0.9 }") is not { } mapping) return spec;
        foreach (var entry in mapping.Entries)
        {
            var path = SpecPath.Key(field, entry.Key);
            var value = entry.Value;
            switch (entry.Key)
            {
                case Type when SpecValues.TryEnum<OptimizerKind>(ctx, value, path, "optimizer", out var kind):
                    spec = spec with { Type = kind };
                    break;
                case Momentum when SpecValues.TryNumber(ctx, value, path, out var v):
                    SpecValues.Check(ctx, v >= 0 && v < 1, value, path, $"{UnitRule} (e.g. 0.9)", v);
                    spec = spec with { Momentum = v };
                    break;
                case Nesterov when SpecValues.TryBool(ctx, value, path, out var b):
                    spec = spec with { Nesterov = b };
                    break;
                case Beta1 when SpecValues.TryNumber(ctx, value, path, out var v):
                    SpecValues.Check(ctx, v >= 0 && v < 1, value, path, $"{UnitRule} (e.g. 0.9)", v);
                    spec = spec with { Beta1 = v };
                    break;
                case Beta2 when SpecValues.TryNumber(ctx, value, path, out var v):
                    SpecValues.Check(ctx, v >= 0 && v < 1, value, path, $"{UnitRule} (e.g. 0.999)", v);
                    spec = spec with { Beta2 = v };
                    break;
                case Eps when SpecValues.TryNumber(ctx, value, path, out var v):
                    SpecValues.Check(ctx, v > 0, value, path, "must be > 0 (e.g. 1e-8)", v);
                    spec = spec with { Eps = v };
                    break;
                case Alpha when SpecValues.TryNumber(ctx, value, path, out var v):
                    SpecValues.Check(ctx, v >= 0 && v < 1, value, path, $"{UnitRule} (e.g. 0.99)", v);
                    spec = spec with { Alpha = v };
                    break;
                case Centered when SpecValues.TryBool(ctx, value, path, out var b):
                    spec = spec with { Centered = b };
                    break;
                case Type or Momentum or Nesterov or Beta1 or Beta2 or Eps or Alpha or Centered:
                    break; // reported while reading the value
                default:
                    SpecValues.UnknownKey(ctx, entry, field, Keys);
                    break;
            }
        }
        if (spec is { Nesterov: true, Momentum: <= 0 } && mapping.Find(Nesterov) is { } nesterov)
        {
            ctx.Error(SpecPath.Key(field, Nesterov), nesterov.Value,
                "nesterov needs momentum > 0 (e.g. momentum: 0.9); momentum is 0");
        }
        return spec;
    }
}
