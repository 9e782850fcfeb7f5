// Runs the test methods marked [RunLast] after every other test of the class (xunit's default order otherwise).
using Xunit.Abstractions;
using Xunit.Sdk;

namespace SweepCluster.Cluster.Tests.BadInput;

[AttributeUsage(AttributeTargets.Method)]
public sealed class RunLastAttribute : Attribute;

public sealed class RunLastOrderer : ITestCaseOrderer
{
    public const string Name = "SweepCluster.Cluster.Tests.BadInput.RunLastOrderer";
    public const string Assembly = "SweepCluster.Cluster.Tests";

    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases) where TTestCase : ITestCase =>
        testCases.OrderBy(t => t.TestMethod.Method.GetCustomAttributes(typeof(RunLastAttribute).AssemblyQualifiedName).Any() ? 1 : 0);
}
