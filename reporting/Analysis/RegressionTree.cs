// One CART regression tree grown as scikit-learn's RandomForestRegressor grows it (squared error, every feature tried,
// thresholds halfway between values, min_samples_split 2, min_samples_leaf 1) on a bootstrap sample, with each leaf's box.
// It does not prune, handle missing values, or split categories into arbitrary subsets (categories are ordered indices).
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

    /// <summary>
    /// Grows one tree; holds the scratch arrays of the fit. The drawn rows are copied into compact local arrays (local
    /// ids 0 … distinct − 1), and each feature's list carries its values beside the ids, so a split scans memory in
    /// order rather than jumping about the whole data set.
    /// </summary>
    private sealed class Builder
    {
        private readonly ForestData _data;
        private readonly int _maxDepth;
        private SplitMix64 _random;
        private readonly int _distinct;

        // weight, weightedY: (distinct); how many times the bootstrap drew each distinct row, and that times its y.
        private readonly double[] _weight;
        private readonly double[] _weightedY;
        private readonly double[] _y;

        // sortedRow, sortedValue: (features, distinct); each feature's local row ids in ascending order of the feature
        // (ties by row), and the feature's values in that order. A node owns the same range [start, end) of every list.
        private readonly int[] _sortedRow;
        private readonly double[] _sortedValue;

        // goesLeft: (distinct); scratch of a split. scratchRow, scratchValue: (distinct); the right side while a list
        // is partitioned.
        private readonly bool[] _goesLeft;
        private readonly int[] _scratchRow;
        private readonly double[] _scratchValue;

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

            // counts: (rows); draws of each row. local: (rows); its local id, −1 when not drawn.
            var counts = new int[data.Rows];
            for (var draw = 0; draw < sampleSize; draw++) counts[_random.NextInt(data.Rows)]++;
            var local = new int[data.Rows];
            var distinct = 0;
            for (var row = 0; row < data.Rows; row++) local[row] = counts[row] > 0 ? distinct++ : -1;
            _distinct = distinct;

            _weight = new double[distinct];
            _weightedY = new double[distinct];
            _y = new double[distinct];
            for (var row = 0; row < data.Rows; row++)
            {
                if (local[row] < 0) continue;
                _weight[local[row]] = counts[row];
                _y[local[row]] = data.Y[row];
                _weightedY[local[row]] = counts[row] * data.Y[row];
            }

            _sortedRow = new int[data.Features * distinct];
            _sortedValue = new double[data.Features * distinct];
            for (var f = 0; f < data.Features; f++)
            {
                var next = f * distinct;
                foreach (var row in data.SortedRows.AsSpan(f * data.Rows, data.Rows))
                {
                    if (local[row] < 0) continue;
                    _sortedRow[next] = local[row];
                    _sortedValue[next++] = data.ValueAt(f, row);
                }
            }

            _goesLeft = new bool[distinct];
            _scratchRow = new int[distinct];
            _scratchValue = new double[distinct];
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
            var (weight, weightedSum) = Totals(start, end);
            var node = AddNode(weightedSum / weight);
            var split = depth < _maxDepth && end - start >= MinRowsToSplit && !IsPure(start, end)
                ? BestSplit(start, end, weight, weightedSum)
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

        /// <summary>The node's bootstrap weight Σ count and weighted sum Σ count·y, summed in the first feature's order.</summary>
        private (double Weight, double WeightedSum) Totals(int start, int end)
        {
            double weight = 0, weightedSum = 0;
            foreach (var row in _sortedRow.AsSpan(start, end - start))
            {
                weight += _weight[row];
                weightedSum += _weightedY[row];
            }

            return (weight, weightedSum);
        }

        /// <summary>True when every row of the node has the same y: no split can reduce its error.</summary>
        private bool IsPure(int start, int end)
        {
            var rows = _sortedRow.AsSpan(start, end - start);
            var first = _y[rows[0]];
            foreach (var row in rows)
            {
                if (_y[row] != first) return false;
            }

            return true;
        }

        /// <summary>
        /// The split of the node that most reduces the squared error, that is maximises
        /// sumLeft²/weightLeft + sumRight²/weightRight; the first found wins a tie. Null when no feature varies.
        /// </summary>
        private Split? BestSplit(int start, int end, double totalWeight, double totalSum)
        {
            Shuffle(_featureOrder);
            Split? best = null;
            var bestProxy = double.NegativeInfinity;
            foreach (var feature in _featureOrder)
            {
                var rows = _sortedRow.AsSpan(feature * _distinct + start, end - start);
                var values = _sortedValue.AsSpan(feature * _distinct + start, end - start);
                if (values[0] == values[^1]) continue; // constant in this node

                double leftSum = 0, leftWeight = 0;
                for (var k = 0; k < rows.Length - 1; k++)
                {
                    leftSum += _weightedY[rows[k]];
                    leftWeight += _weight[rows[k]];
                    if (values[k + 1] <= values[k]) continue; // only split between distinct values

                    var rightSum = totalSum - leftSum;
                    var rightWeight = totalWeight - leftWeight;
                    var proxy = leftSum * leftSum / leftWeight + rightSum * rightSum / rightWeight;
                    if (proxy <= bestProxy) continue;

                    bestProxy = proxy;
                    best = new Split(feature, ThresholdBetween(feature, values[k], values[k + 1]), k + 1);
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
            var splitRows = _sortedRow.AsSpan(split.Feature * _distinct + start, end - start);
            for (var k = 0; k < splitRows.Length; k++) _goesLeft[splitRows[k]] = k < split.LeftCount;

            for (var f = 0; f < _data.Features; f++)
            {
                if (f == split.Feature) continue; // already left rows first, in order
                var rows = _sortedRow.AsSpan(f * _distinct + start, end - start);
                var values = _sortedValue.AsSpan(f * _distinct + start, end - start);
                int nextLeft = 0, nextRight = 0;
                for (var k = 0; k < rows.Length; k++)
                {
                    if (_goesLeft[rows[k]])
                    {
                        rows[nextLeft] = rows[k];
                        values[nextLeft++] = values[k];
                    }
                    else
                    {
                        _scratchRow[nextRight] = rows[k];
                        _scratchValue[nextRight++] = values[k];
                    }
                }

                _scratchRow.AsSpan(0, nextRight).CopyTo(rows[nextLeft..]);
                _scratchValue.AsSpan(0, nextRight).CopyTo(values[nextLeft..]);
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
