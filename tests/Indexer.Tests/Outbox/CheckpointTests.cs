using TicketMaster.Indexer.Outbox;

namespace TicketMaster.Indexer.Tests.Outbox;

public sealed class CheckpointTests
{
    private static readonly DateTime Now = new(2026, 11, 29, 12, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(5);

    [Fact]
    public void Contiguous_ids_move_the_checkpoint_to_the_last_one() =>
        Assert.Equal((13L, false), Checkpoint.Advance(10, [new(11, Now), new(12, Now), new(13, Now)], Now, Window));

    [Fact]
    public void A_young_gap_holds_the_checkpoint_before_it() =>
        Assert.Equal((11L, true), Checkpoint.Advance(10, [new(11, Now), new(13, Now.AddSeconds(-1)), new(14, Now)], Now, Window));

    [Fact]
    public void A_gap_older_than_the_window_is_a_rolled_back_id_and_is_passed() =>
        Assert.Equal((14L, false), Checkpoint.Advance(10, [new(11, Now), new(13, Now.AddSeconds(-6)), new(14, Now)], Now, Window));
}
