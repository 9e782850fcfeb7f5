using System.CommandLine;
using SweepCluster.Cli.Commands;

namespace SweepCluster.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        var root = new RootCommand("SweepCluster: sweep the training dynamics of neural networks on an Orleans cluster.")
        {
            RunCommand.Create(),
            SubmitCommand.Create(),
            StatusCommand.CreateStatus(),
            StatusCommand.CreateWatch(),
            ReportCommand.Create(),
            CancelCommand.CreateCancel(),
            ChangeCommand.CreateResume(),
            ChangeCommand.CreateExtend(),
            CancelCommand.CreateList(),
            DeleteCommand.Create(),
            TrialsCommand.Create(),
            ValidateCommand.Create(),
            TrainCommand.Create(),
            ReplayCommand.Create(),
            CertsCommand.Create(),
        };
        return root.Parse(args).Invoke();
    }
}
