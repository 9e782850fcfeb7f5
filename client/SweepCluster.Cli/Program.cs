using System.CommandLine;
using SweepCluster.Cli.Commands;

namespace SweepCluster.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        var root = new RootCommand("SweepCluster: sweep the training dynamics of neural networks.")
        {
            TrainCommand.Create(),
        };
        return root.Parse(args).Invoke();
    }
}
