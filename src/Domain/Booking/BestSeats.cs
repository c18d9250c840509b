namespace TicketMaster.Booking;

/// <summary>A free seat as "best available" ranks it.</summary>
public sealed record SeatCandidate(int SeatId, int RowId, int Number, decimal Price, int SectionPosition, int RowPosition);

/// <summary>
/// Ticketmaster's "best available", pure so it is unit-tested without a database. Best means:
/// the dearest price tier first (venues price their best sections highest), then the row closest
/// to the stage, then the seats nearest the middle of the row. Seats together in one row win over
/// better seats apart; only when no row has enough adjacent free seats are single best seats taken.
/// </summary>
public static class BestSeats
{
    public static IReadOnlyList<int>? Choose(IReadOnlyList<SeatCandidate> candidates, int quantity)
    {
        if (quantity <= 0 || candidates.Count < quantity)
        {
            return null;
        }

        var rows = candidates
            .GroupBy(c => c.RowId)
            .OrderByDescending(row => row.Max(c => c.Price))
            .ThenBy(row => row.First().SectionPosition)
            .ThenBy(row => row.First().RowPosition);
        foreach (var row in rows)
        {
            if (BestBlock(row.OrderBy(c => c.Number).ToList(), quantity) is { } block)
            {
                return block;
            }
        }

        return candidates
            .OrderByDescending(c => c.Price).ThenBy(c => c.SectionPosition).ThenBy(c => c.RowPosition).ThenBy(c => c.Number)
            .Take(quantity).Select(c => c.SeatId).ToList();
    }

    /// <summary>The run of <paramref name="quantity"/> consecutive numbers closest to the row's middle.</summary>
    private static List<int>? BestBlock(List<SeatCandidate> row, int quantity)
    {
        var middle = (row[0].Number + row[^1].Number) / 2.0;
        List<int>? best = null;
        var bestDistance = double.MaxValue;
        for (var start = 0; start + quantity <= row.Count; start++)
        {
            if (row[start + quantity - 1].Number - row[start].Number != quantity - 1)
            {
                continue;
            }

            var distance = Math.Abs(((row[start].Number + row[start + quantity - 1].Number) / 2.0) - middle);
            if (distance < bestDistance)
            {
                (best, bestDistance) = (row.GetRange(start, quantity).Select(c => c.SeatId).ToList(), distance);
            }
        }

        return best;
    }
}
