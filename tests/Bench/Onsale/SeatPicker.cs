namespace TicketMaster.Bench.Onsale;

/// <summary>
/// What a buyer in a hot on-sale asks for: 1–4 adjacent seats in one row, most buyers aiming at the
/// best sections (Zipf-like, weight 1/rank) and the front rows, so many ask for the same seats.
/// </summary>
public sealed class SeatPicker(int[][][] seatIds)
{
    private readonly double[] _sectionWeights = CumulativeWeights(seatIds.Length, rank => 1.0 / rank);
    private readonly double[] _rowWeights = CumulativeWeights(OnsaleVenue.RowsPerSection, rank => 1.0 / Math.Sqrt(rank));

    // Party sizes: mostly pairs.
    private static readonly int[] PartySizes = [1, 2, 2, 2, 2, 3, 4, 4];

    /// <summary>The same buyer index and seed always start with the same wish, whatever the scheduling.</summary>
    public static Random RandomFor(int seed, int buyerIndex) => new(unchecked((seed * 1_000_003) + buyerIndex));

    public int[] Pick(Random random)
    {
        var section = seatIds[Draw(_sectionWeights, random)];
        var row = section[Draw(_rowWeights, random)];
        var count = PartySizes[random.Next(PartySizes.Length)];
        var start = random.Next(row.Length - count + 1);
        return row[start..(start + count)];
    }

    private static int Draw(double[] cumulative, Random random)
    {
        var index = Array.BinarySearch(cumulative, random.NextDouble() * cumulative[^1]);
        return Math.Min(index < 0 ? ~index : index, cumulative.Length - 1);
    }

    private static double[] CumulativeWeights(int count, Func<int, double> weightOfRank)
    {
        var cumulative = new double[count];
        var sum = 0.0;
        for (var i = 0; i < count; i++)
        {
            sum += weightOfRank(i + 1);
            cumulative[i] = sum;
        }

        return cumulative;
    }
}
