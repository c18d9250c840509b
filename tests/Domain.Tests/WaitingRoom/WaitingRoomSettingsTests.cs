using TicketMaster.WaitingRoom;

namespace TicketMaster.Domain.Tests.WaitingRoom;

public sealed class WaitingRoomSettingsTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_queue_for_a_sale_still_to_come_must_open_before_it_and_admits_from_the_sale()
    {
        var room = WaitingRoomSettings.For(1);

        Assert.Throws<InvalidWaitingRoomSettingsException>(() => room.TurnOn(60, 10, Now.AddHours(2), onSaleAt: Now.AddHours(1), Now));
        room.TurnOn(60, 10, Now, onSaleAt: Now.AddHours(1), Now);

        Assert.Equal(Now.AddHours(1), room.AdmitsFrom);
    }

    [Fact]
    public void A_queue_put_in_front_of_a_running_sale_admits_from_its_opening()
    {
        var room = WaitingRoomSettings.For(1);

        room.TurnOn(60, 10, Now, onSaleAt: Now.AddDays(-1), Now);

        Assert.True(room.IsOn);
        Assert.Equal(Now, room.AdmitsFrom);
    }
}
