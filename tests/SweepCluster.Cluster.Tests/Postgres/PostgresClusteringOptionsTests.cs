// The settings of PostgreSQL clustering, in milliseconds: what --clustering postgres implies and refuses, where the
// connection string comes from, and that no message or description ever carries its password.
using SweepCluster.Hosting;
using SweepCluster.Hosting.Storage;
using SweepCluster.Store;

namespace SweepCluster.Cluster.Tests.Postgres;

public sealed class PostgresClusteringOptionsTests
{
    private const string Password = "s3cret-pw-4b7e";
    private const string Connection = $"Host=198.18.0.10;Port=5433;Database=sweeps;Username=sc;Password={Password};Timeout=4";

    [Fact]
    public void PostgresClusteringKeepsEverythingInThePostgresStoreByDefault()
    {
        var options = new SweepSiloOptions { Clustering = ClusteringKind.Postgres };

        options.Validate();
        var store = StoreSelection.From(options, Environment(Connection), "unused");

        Assert.Equal(StoreSelection.PostgresValue, options.EffectiveStore);
        Assert.Equal(StoreKind.Postgres, store.Kind);
        var location = Assert.IsType<PostgresStoreLocation>(store.Location);
        Assert.Equal(("198.18.0.10", 5433, "sweeps", "sc", Password, TimeSpan.FromSeconds(4)),
            (location.Host, location.Port, location.Database, location.User, location.Password, location.ConnectTimeout));
    }

    [Theory]
    [InlineData("memory")]
    [InlineData("sweeps/sweepcluster.db")]
    public void PostgresClusteringRefusesAnyOtherStoreNamingBothFlags(string store)
    {
        var options = new SweepSiloOptions { Clustering = ClusteringKind.Postgres, Store = store };

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Contains("--clustering postgres", error.Message);
        Assert.Contains("--store postgres", error.Message);
        Assert.Contains($"not --store {store}", error.Message);
    }

    [Fact]
    public void TheFlagIsReadCaseInsensitivelyFromTheCommandLine()
    {
        var options = SweepSiloHost.ReadOptions(["--clustering", "postgres", "--store-connection-file", "/etc/sweepcluster/pg"]);

        Assert.Equal(ClusteringKind.Postgres, options.Clustering);
        Assert.Equal("/etc/sweepcluster/pg", options.StoreConnectionFile);
        Assert.Contains("postgres", ClusteringKindNames.All);
    }

    [Fact]
    public void KubernetesNeedsAClusteringThatLivesOutsideThePods()
    {
        new SweepSiloOptions { Clustering = ClusteringKind.Postgres, Kubernetes = true }.Validate();

        var error = Assert.Throws<ArgumentException>(new SweepSiloOptions { Kubernetes = true }.Validate);
        Assert.Contains("--clustering postgres or redis", error.Message);
    }

    [Fact]
    public void AMissingConnectionStringNamesTheFlagAndBothPlacesItMayComeFrom()
    {
        var error = Assert.Throws<ArgumentException>(() => StoreSelection.PostgresLocation(null, Environment(null), "--postgres"));

        Assert.StartsWith("--postgres needs an Npgsql connection string", error.Message);
        Assert.Contains(StoreSelection.ConnectionVariable, error.Message);
        Assert.Contains("--store-connection-file", error.Message);
    }

    [Fact]
    public void AConnectionFileWinsOverTheEnvironment()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, Connection.Replace("Database=sweeps", "Database=from_file") + "\n");

            var location = StoreSelection.PostgresLocation(file, Environment(Connection), "--postgres");

            Assert.Equal("from_file", location.Database);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData($"Host=db;Database=sweeps;Username=sc;Password={Password};NoSuchKeyword=1")]
    [InlineData($"Database=sweeps;Password={Password}")]
    public void AMalformedConnectionStringIsRefusedWithoutQuotingIt(string connection)
    {
        var error = Assert.Throws<ArgumentException>(() => StoreSelection.PostgresLocation(null, Environment(connection), "--postgres"));

        Assert.Contains("the PostgreSQL connection string of --postgres", error.Message);
        Assert.DoesNotContain(Password, error.Message);
    }

    [Fact]
    public void AClientTargetDescribesTheStoreButNeverItsPassword()
    {
        var location = StoreSelection.PostgresLocation(null, Environment(Connection), "--postgres");
        var target = new ClusterTarget(30000, "prod", "sweepcluster") { Postgres = location };

        Assert.Equal("the gateways registered in PostgreSQL store sc@198.18.0.10:5433/sweeps", target.Describe());
        Assert.True(target.IsRemote);
        Assert.DoesNotContain(Password, target.ToString());
    }

    private static Func<string, string?> Environment(string? connection) =>
        name => name == StoreSelection.ConnectionVariable ? connection : null;
}
