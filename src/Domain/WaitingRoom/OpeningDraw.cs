namespace TicketMaster.WaitingRoom;

/// <summary>
/// The fair opening: everyone who joined before admission starts gets a uniformly random place
/// (Fisher–Yates), so arriving early or on a faster connection buys nothing.
/// </summary>
public static class OpeningDraw
{
    public static T[] Shuffle<T>(IEnumerable<T> arrivals, Random random)
    {
        var order = arrivals.ToArray();
        for (var i = order.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        return order;
    }
}
