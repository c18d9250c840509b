namespace TicketMaster.Indexer.Outbox;

/// <summary>
/// How far the checkpoint may move over a batch of outbox ids. Ids are handed out at insert but
/// become visible at commit, so id 10 may appear after id 11: moving past a gap could skip 10 for
/// ever. The checkpoint stops before a gap until the message after it is older than the window
/// (by then the missing id was rolled back, or its transaction is very late); what lies beyond a
/// held gap is applied anyway and re-read next time, which is harmless because documents are
/// rebuilt from the database and versioned.
/// </summary>
public static class Checkpoint
{
    public readonly record struct Message(long Id, DateTime CreatedAt);

    /// <returns>The new checkpoint, and whether it was held back at a gap.</returns>
    public static (long Checkpoint, bool HeldAtGap) Advance(long checkpoint, IReadOnlyList<Message> messages, DateTime now, TimeSpan gapWindow)
    {
        var current = checkpoint;
        foreach (var message in messages)
        {
            if (message.Id != current + 1 && message.CreatedAt > now - gapWindow)
            {
                return (current, true);
            }

            current = message.Id;
        }

        return (current, false);
    }
}
