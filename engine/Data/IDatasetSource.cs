// Where a trial's dataset comes from. Two kinds: LocalDatasets (built-ins and CSV files on this machine: the client,
// `sweep train`, benchmarks) and SweepDatasets (built-ins and the CSV content that travelled with a sweep: silos, and
// the client's check of exactly the bytes it sends). TrainingDataLoader caches prepared data under Identify's answer.
namespace SweepCluster.Engine.Data;

public interface IDatasetSource
{
    /// <summary>What the data <paramref name="dataset"/> names is, for caches: a built-in name, a full path, or a content hash.</summary>
    string Identify(string dataset);

    /// <summary>The dataset a spec's <c>dataset:</c> value names.</summary>
    /// <exception cref="Specs.SpecException">An unknown name, or one this source cannot serve.</exception>
    /// <exception cref="DataFormatException">The data is not a valid numeric table.</exception>
    Dataset Load(string dataset, DatasetRequest request);
}
