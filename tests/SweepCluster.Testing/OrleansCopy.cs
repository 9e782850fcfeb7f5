// A copy of a value through Orleans' serializer, as a grain's storage writes it and reads it back: bytes out, a new
// object in (the deep copier would hand an [Immutable] record back as it is, which would prove nothing). The
// schedulers' snapshot round trips and the coordinator simulation's storage use it.
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace SweepCluster.Testing;

public static class OrleansCopy
{
    private static readonly Serializer Serializer =
        new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();

    /// <summary><paramref name="value"/> serialized as a <typeparamref name="T"/> and read back.</summary>
    [return: NotNullIfNotNull(nameof(value))]
    public static T? Of<T>(T? value) where T : class => Serializer.Deserialize<T?>(Serializer.SerializeToArray(value));
}
