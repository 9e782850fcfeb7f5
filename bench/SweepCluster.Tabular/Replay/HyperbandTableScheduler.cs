// Asynchronous Hyperband as Optuna's HyperbandPruner runs it. Brackets b = 0 … n−1 with n = ⌊log_η(max/min)⌋ + 1;
// bracket b is asynchronous successive halving whose first rung is min·η^b (with min 1, max 27, η = 3: rungs 1, 3, 9;
// 3, 9; 9; and none), and its rungs hold only its own trials. A trial joins one bracket for good: CRC-32 of
// "<study name>_<trial number>" modulo the total of the brackets' trial budgets ⌈n·η^s / (s + 1)⌉ (s = n − 1 − b), walked
// in bracket order, so the brackets that start small get the most trials (27, 12, 6 and 4 of every 49). It does not search.
namespace SweepCluster.Tabular.Replay;

/// <summary>Hyperband as a stopping rule: a <see cref="SuccessiveHalvingTableScheduler"/> per bracket.</summary>
public sealed class HyperbandTableScheduler : ITableScheduler
{
    private readonly string _studyName;
    private readonly int _minEpochs;
    private readonly int _maxEpochs;
    private readonly int _reductionFactor;
    private readonly int[] _trialBudgets;
    private readonly int _totalBudget;
    private readonly SuccessiveHalvingTableScheduler[] _brackets;

    /// <param name="studyName">Names the bracket assignment (Optuna hashes its study name the same way).</param>
    /// <param name="minEpochs">The first rung of the first bracket.</param>
    /// <param name="maxEpochs">A trial's full budget; no rung is at or beyond it.</param>
    /// <param name="reductionFactor">η.</param>
    public HyperbandTableScheduler(string studyName, int minEpochs, int maxEpochs, int reductionFactor)
    {
        ArgumentNullException.ThrowIfNull(studyName);
        ArgumentOutOfRangeException.ThrowIfLessThan(minEpochs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEpochs, minEpochs);
        ArgumentOutOfRangeException.ThrowIfLessThan(reductionFactor, 2);
        _studyName = studyName;
        _minEpochs = minEpochs;
        _maxEpochs = maxEpochs;
        _reductionFactor = reductionFactor;
        var brackets = 0;
        for (long first = minEpochs; first <= maxEpochs; first *= reductionFactor) brackets++;
        _trialBudgets = Enumerable.Range(0, brackets).Select(b => TrialBudget(brackets, brackets - 1 - b, reductionFactor)).ToArray();
        _totalBudget = _trialBudgets.Sum();
        _brackets = Enumerable.Range(0, brackets).Select(b => new SuccessiveHalvingTableScheduler(FirstRung(b), reductionFactor)).ToArray();
    }

    /// <summary>The number of brackets.</summary>
    public int Brackets => _brackets.Length;

    /// <summary>Each bracket's share of the trials (out of their sum).</summary>
    public IReadOnlyList<int> TrialBudgets => _trialBudgets;

    /// <summary>The bracket trial <paramref name="trialNumber"/> belongs to.</summary>
    public int BracketOf(int trialNumber)
    {
        var n = (long)(Crc32.Of($"{_studyName}_{trialNumber}") % (uint)_totalBudget);
        for (var bracket = 0; bracket < _trialBudgets.Length; bracket++)
        {
            n -= _trialBudgets[bracket];
            if (n < 0) return bracket;
        }
        throw new InvalidOperationException("unreachable: the budgets sum to the modulus");
    }

    /// <summary>The epochs at which bracket <paramref name="bracket"/> may stop a trial (below the full budget).</summary>
    public IReadOnlyList<int> Rungs(int bracket)
    {
        var rungs = new List<int>();
        for (long rung = FirstRung(bracket); rung < _maxEpochs; rung *= _reductionFactor) rungs.Add((int)rung);
        return rungs;
    }

    public TrialDecision OnEpoch(ReplayTrial trial, ReplayView view) => _brackets[BracketOf(trial.Number)].OnEpoch(trial, view);

    private int FirstRung(int bracket) => checked(_minEpochs * (int)Math.Pow(_reductionFactor, bracket));

    // Optuna's _calculate_trial_allocation_budget: ⌈n·η^s / (s + 1)⌉.
    private static int TrialBudget(int brackets, int s, int reductionFactor) =>
        (int)Math.Ceiling(brackets * Math.Pow(reductionFactor, s) / (s + 1));
}
