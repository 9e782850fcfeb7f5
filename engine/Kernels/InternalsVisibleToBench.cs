// The GEMM benchmark compares internal paths and packing policies when asked to (bench/SweepCluster.Bench).
using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("SweepCluster.Bench")]
