// The Sobol sequence's direction numbers as data: Joe and Kuo's table (S. Joe and F. Y. Kuo, "Constructing Sobol
// sequences with better two-dimensional projections", SIAM J. Sci. Comput. 30, 2635–2654 (2008); the file
// new-joe-kuo-6.21201), rows for dimensions 2–51, and their expansion into 32-bit direction integers by the
// Bratley–Fox recurrence. Dimension 1 is the van der Corput sequence (all m = 1). It does not generate points.
namespace SweepCluster.Tuning.Search.Tpe;

/// <summary>Sobol direction integers for the first <see cref="Dimensions"/> dimensions.</summary>
internal static class SobolDirectionNumbers
{
    /// <summary>Binary digits per coordinate.</summary>
    public const int Bits = 32;

    /// <summary>Joe–Kuo rows "s a m_1 … m_s": the primitive polynomial's degree s, its inner coefficients a (as bits),
    /// and the initial direction numbers m_i, for dimensions 2, 3, ….</summary>
    private static readonly string[] JoeKuoRows =
    [
        "1 0 1", "2 1 1 3", "3 1 1 3 1", "3 2 1 1 1", "4 1 1 1 3 3", "4 4 1 3 5 13", "5 2 1 1 5 5 17", "5 4 1 1 5 5 5",
        "5 7 1 1 7 11 19", "5 11 1 1 5 1 1", "5 13 1 1 1 3 11", "5 14 1 3 5 5 31", "6 1 1 3 3 9 7 49", "6 13 1 1 1 15 21 21",
        "6 16 1 3 1 13 27 49", "6 19 1 1 1 15 7 5", "6 22 1 3 1 15 13 25", "6 25 1 1 5 5 19 61", "7 1 1 3 7 11 23 15 103",
        "7 4 1 3 7 13 13 15 69", "7 7 1 1 3 13 7 35 63", "7 8 1 3 5 9 1 25 53", "7 14 1 3 1 13 9 35 107", "7 19 1 3 1 5 27 61 31",
        "7 21 1 1 5 11 19 41 61", "7 28 1 3 5 3 3 13 69", "7 31 1 1 7 13 1 19 1", "7 32 1 3 7 5 13 19 59", "7 37 1 1 3 9 25 29 41",
        "7 41 1 3 5 13 23 1 55", "7 42 1 3 7 3 13 59 17", "7 50 1 3 1 3 5 53 69", "7 55 1 1 5 5 23 33 13", "7 56 1 1 7 7 1 61 123",
        "7 59 1 1 7 9 13 61 49", "7 62 1 3 3 5 3 55 33", "8 14 1 3 1 15 31 13 49 245", "8 21 1 3 5 15 31 59 63 97",
        "8 22 1 3 1 11 11 11 77 249", "8 38 1 3 1 11 27 43 71 9", "8 47 1 1 7 15 21 11 81 45", "8 49 1 3 7 3 25 31 65 79",
        "8 50 1 3 1 1 19 11 3 205", "8 52 1 1 5 9 19 21 29 157", "8 56 1 3 7 11 1 33 89 185", "8 67 1 3 3 3 15 9 79 71",
        "8 70 1 3 7 11 15 39 119 27", "8 84 1 1 3 1 11 31 97 225", "8 97 1 1 1 3 23 43 57 177",
    ];

    private static readonly uint[][] Directions = Build();

    /// <summary>How many dimensions the table covers.</summary>
    public static int Dimensions => Directions.Length;

    /// <summary>The direction integers of <paramref name="dimension"/> (0-based): entry c is the generator matrix's
    /// column c, its most significant bit the first binary digit.</summary>
    public static ReadOnlySpan<uint> Of(int dimension) => Directions[dimension];

    private static uint[][] Build()
    {
        var all = new uint[JoeKuoRows.Length + 1][];
        all[0] = Enumerable.Range(0, Bits).Select(c => 1u << (Bits - 1 - c)).ToArray();
        for (var row = 0; row < JoeKuoRows.Length; row++)
        {
            var numbers = JoeKuoRows[row].Split(' ').Select(uint.Parse).ToArray();
            var (degree, coefficients) = ((int)numbers[0], numbers[1]);
            var v = new uint[Bits];
            for (var c = 0; c < Bits; c++)
            {
                if (c < degree)
                {
                    v[c] = numbers[2 + c] << (Bits - 1 - c);
                    continue;
                }
                // Bratley–Fox: v_c = v_{c-s} ⊕ (v_{c-s} >> s) ⊕ the v_{c-k} whose polynomial coefficient a_k is 1.
                var next = v[c - degree] ^ (v[c - degree] >> degree);
                for (var k = 1; k < degree; k++)
                {
                    if (((coefficients >> (degree - 1 - k)) & 1) == 1) next ^= v[c - k];
                }
                v[c] = next;
            }
            all[row + 1] = v;
        }
        return all;
    }
}
