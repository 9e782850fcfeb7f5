// Which accuracy stands for a trial at a rung: the accuracy after the rung's epoch (what asynchronous successive
// halving and Optuna's pruners compare), or the best the trial reached at any epoch up to it (less noisy when the
// curve wobbles, but it credits a trial for an epoch it has since left behind). Data only.
namespace SweepCluster.Tabular.MultiObjective;

/// <summary>The accuracy a rung compares.</summary>
public enum RungAccuracy
{
    /// <summary>Validation accuracy after the rung's epoch.</summary>
    AtRung,

    /// <summary>The best validation accuracy of epochs 1 through the rung's.</summary>
    BestSoFar,
}
