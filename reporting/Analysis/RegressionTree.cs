// One CART regression tree as scikit-learn's RandomForestRegressor grows it (squared error, best split over every
// feature tried in a random order, threshold halfway between neighbouring values, min_samples_split 2,
// min_samples_leaf 1), fitted on a bootstrap sample, and the box of the search space each leaf covers. It does not
// prune, handle missing values, or split categories into arbitrary subsets (categories are split as ordered indices).
namespace SweepCluster.Reporting.Analysis;

/// <summary>A fitted regression tree: its nodes, and its leaves' values and boxes.</summary>
internal sealed class RegressionTree
{
    /// <summary>Marks a node as a leaf in <see cref="SplitFeature"/>.</summary>
    public const int LeafFeature = -1;

    /// <summary>A node splits only with at least this many distinct rows (scikit-learn's min_samples_split).</summary>
    private const int MinRowsToSplit = 2;

    /// <summary>Half the width of a category's cell [index − ½, index + ½].</summary>
    public const double CategoricalHalfWidth = 0.5;

    private RegressionTree(
        int features, List<int> splitFeature, List<double> threshold, List<int> left, List<int> right,
        List<double> value, List<double> leafValue, List<double> leafLow, List<double> leafHigh)
    {
        Features = features;
        SplitFeature = [.. splitFeature];
        Threshold = [.. threshold];
        Left = [.. left];
        Right = [.. right];
        Value = [.. value];
        LeafValue = [.. leafValue];
        LeafLow = [.. leafLow];
        LeafHigh = [.. leafHigh];
    }

    public int Features { get; }

    /// <summary>splitFeature: (nodes); the feature a node splits on, or <see cref="LeafFeature"/>. Node 0 is the root.</summary>
    public int[] SplitFeature { get; }

    /// <summary>threshold: (nodes); rows with x ≤ threshold go left.</summary>
    public double[] Threshold { get; }

    /// <summary>left, right: (nodes); child node indices of a split.</summary>
    public int[] Left { get; }

    /// <inheritdoc cref="Left"/>
    public int[] Right { get; }

    /// <summary>value: (nodes); the bootstrap-weighted mean y of the node's rows.</summary>
    public double[] Value { get; }

    /// <summary>leafValue: (leaves); the prediction of each leaf.</summary>
    public double[] LeafValue { get; }

    /// <summary>leafLow, leafHigh: (leaves, features); the box of the search space each leaf covers.</summary>
    public double[] LeafLow { get; }

    /// <inheritdoc cref="LeafLow"/>
    public double[] LeafHigh { get; }

    public int LeafCount => LeafValue.Length;

    /// <summary>The tree's prediction at <paramref name="x"/>: (features).</summary>
    public double Predict(ReadOnlySpan<double> x)
    {
        var node = 0;
        while (SplitFeature[node] != LeafFeature)
            node = x[SplitFeature[node]] <= Threshold[node] ? Left[node] : Right[node];
        return Value[node];
    }

    /// <summary>
    /// Fits a tree on a bootstrap sample of <paramref name="data"/>: min(rows, <paramref name="sampleSize"/>) draws with
    /// replacement by a generator seeded with <paramref name="seed"/>, grown at most <paramref name="maxDepth"/> deep.
    /// </summary>
    public static RegressionTree Fit(ForestData data, int sampleSize, int maxDepth, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(data.Rows, 1);
        return new Builder(data, Math.Min(data.Rows, sampleSize), maxDepth, seed).Build();
    }

    /// <summary>Grows one tree; holds the scratch arrays of the fit.</summary>
    private sealed class Builder
    {
        private readonly ForestData _data;
        private readonly int _maxDepth;
        private SplitMix64 _random;

        // counts: (rows); how many times the bootstrap drew each row.
        private readonly int[] _counts;

        // sorted: (features, distinct); each feature's distinct drawn rows in ascending order of the feature. A node owns
        // the same range [start, end) of every feature's list.
        private readonly int[] _sorted;
        private readonly int _distinct;

        // goesLeft: (rows); scratch of a split. scratch: (distinct); the right side while a list is partitioned.
        private readonly bool[] _goesLeft;
        private readonly int[] _scratch;

        // featureOrder: (features); the order features are tried in at a node, shuffled per node.
        private readonly int[] _featureOrder;

        private readonly List<int> _splitFeature = [];
        private readonly List<double> _threshold = [];
        private readonly List<int> _left = [];
        private readonly List<int> _right = [];
        private readonly List<double> _value = [];
        private readonly List<double> _leafValue = [];
        private readonly List<double> _leafLow = [];
        private readonly List<double> _leafHigh = [];

        public Builder(ForestData data, int sampleSize, int maxDepth, ulong seed)
        {
            _data = data;
            _maxDepth = maxDepth;
            _random = new SplitMix64(seed);
            _counts = new int[data.Rows];
            for (var draw = 0; draw < sampleSize; draw++) _counts[_random.NextInt(data.Rows)]++;

            _distinct = _counts.Count(count => count > 0);
            _sorted = new int[data.Features * _distinct];
            for (var f = 0; f < data.Features; f++)
            {
                var next = f * _distinct;
                foreach (var row in data.SortedRows.AsSpan(f * data.Rows, data.Rows))
                {
                    if (_counts[row] > 0) _sorted[next++] = row;
                }
            }

            _goesLeft = new bool[data.Rows];
            _scratch = new int[_distinct];
            _featureOrder = Enumerable.Range(0, data.Features).ToArray();
        }

        public RegressionTree Build()
        {
            var low = (double[])_data.Low.Clone();
            var high = (double[])_data.High.Clone();
            Grow(0, _distinct, 0, low, high);
            return new RegressionTree(
                _data.Features, _splitFeature, _threshold, _left, _right, _value, _leafValue, _leafLow, _leafHigh);
        }

        /// <summary>Grows the node over distinct rows [start, end) of every list, inside the box [low, high]; returns its index.</summary>
        private int Grow(int start, int end, int depth, double[] low, double[] high)
        {
            var node = AddNode(NodeMean(start, end));
            var split = depth < _maxDepth && end - start >= MinRowsToSplit && !IsPure(start, end)
                ? BestSplit(start, end)
                : null;
            if (split is not { } best)
            {
                _leafValue.Add(_value[node]);
                _leafLow.AddRange(low);
                _leafHigh.AddRange(high);
                return node;
            }

            var middle = Partition(start, end, best);
            _splitFeature[node] = best.Feature;
            _threshold[node] = best.Threshold;

            var childHigh = (double[])high.Clone();
            childHigh[best.Feature] = best.Threshold;
            _left[node] = Grow(start, middle, depth + 1, low, childHigh);

            var childLow = (double[])low.Clone();
            childLow[best.Feature] = best.Threshold;
            _right[node] = Grow(middle, end, depth + 1, childLow, high);
            return node;
        }

        private int AddNode(double value)
        {
            _splitFeature.Add(LeafFeature);
            _threshold.Add(double.NaN);
            _left.Add(-1);
            _right.Add(-1);
            _value.Add(value);
            return _value.Count - 1;
        }

        /// <summary>The count-weighted mean y of the node's rows, summed in the first feature's order.</summary>
        private double NodeMean(int start, int end)
        {
            double sum = 0, weight = 0;
            foreach (var row in _sorted.AsSpan(start, end - start))
            {
                sum += _counts[row] * _data.Y[row];
                weight += _counts[row];
            }

            return sum / weight;
        }

        /// <summary>True when every row of the node has the same y: no split can reduce its error.</summary>
        private bool IsPure(int start, int end)
        {
            var rows = _sorted.AsSpan(start, end - start);
            var first = _data.Y[rows[0]];
            foreach (var row in rows)
            {
                if (_data.Y[row] != first) return false;
            }

            return true;
        }

        /// <summary>
        /// The split of the node that most reduces the squared error, that is maximises
        /// sumLeft²/weightLeft + sumRight²/weightRight; the first found wins a tie. Null when no feature varies.
        /// </summary>
        private Split? BestSplit(int start, int end)
        {
            Shuffle(_featureOrder);
            Split? best = null;
            var bestProxy = double.NegativeInfinity;
            double totalSum = 0, totalWeight = 0;
            foreach (var row in _sorted.AsSpan(start, end - start))
            {
                totalSum += _counts[row] * _data.Y[row];
                totalWeight += _counts[row];
            }

            foreach (var feature in _featureOrder)
            {
                var rows = _sorted.AsSpan(feature * _distinct + start, end - start);
                var column = _data.X.AsSpan(feature * _data.Rows, _data.Rows);
                if (column[rows[0]] == column[rows[^1]]) continue; // constant in this node

                double leftSum = 0, leftWeight = 0;
                for (var k = 0; k < rows.Length - 1; k++)
                {
                    var row = rows[k];
                    leftSum += _counts[row] * _data.Y[row];
                    leftWeight += _counts[row];
                    var here = column[row];
                    var next = column[rows[k + 1]];
                    if (next <= here) continue; // only split between distinct values

                    var rightSum = totalSum - leftSum;
                    var rightWeight = totalWeight - leftWeight;
                    var proxy = leftSum * leftSum / leftWeight + rightSum * rightSum / rightWeight;
                    if (proxy <= bestProxy) continue;

                    bestProxy = proxy;
                    best = new Split(feature, ThresholdBetween(feature, here, next), k + 1);
                }
            }

            return best;
        }

        /// <summary>
        /// Continuous: halfway between the two values (the lower one when halfway rounds onto the upper one).
        /// Categorical: half a category above the lower index, so each category's cell keeps its full width.
        /// </summary>
        private double ThresholdBetween(int feature, double below, double above)
        {
            if (_data.Categorical[feature]) return below + CategoricalHalfWidth;
            var halfway = below / 2 + above / 2;
            return halfway >= above ? below : halfway;
        }

        /// <summary>Reorders every feature's list of the node so the split's left rows come first; returns where the right ones begin.</summary>
        private int Partition(int start, int end, Split split)
        {
            var splitRows = _sorted.AsSpan(split.Feature * _distinct + start, end - start);
            for (var k = 0; k < splitRows.Length; k++) _goesLeft[splitRows[k]] = k < split.LeftCount;

            for (var f = 0; f < _data.Features; f++)
            {
                if (f == split.Feature) continue; // already left rows first, in order
                var rows = _sorted.AsSpan(f * _distinct + start, end - start);
                int nextLeft = 0, nextRight = 0;
                foreach (var row in rows)
                {
                    if (_goesLeft[row]) rows[nextLeft++] = row;
                    else _scratch[nextRight++] = row;
                }

                _scratch.AsSpan(0, nextRight).CopyTo(rows[nextLeft..]);
            }

            return start + split.LeftCount;
        }

        /// <summary>Fisher–Yates shuffle with the tree's generator.</summary>
        private void Shuffle(int[] items)
        {
            for (var i = items.Length - 1; i > 0; i--)
            {
                var j = _random.NextInt(i + 1);
                (items[i], items[j]) = (items[j], items[i]);
            }
        }
    }

    /// <summary>A candidate split: rows with x[Feature] ≤ Threshold go left; LeftCount distinct rows do.</summary>
    private readonly record struct Split(int Feature, double Threshold, int LeftCount);
}
