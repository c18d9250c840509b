"""An aiosmtpd handler for the tests: keeps every accepted message in a Maildir.

With a hold of N seconds it stores the first message, then waits N seconds before answering
250, so a test can kill the sender between "the server has it" and "the sender recorded it".
"""
import asyncio
import mailbox


class Sink:
    def __init__(self, maildir, hold_first_seconds=0.0):
        self.box = mailbox.Maildir(maildir, create=True)
        self.hold = float(hold_first_seconds)
        self.held = False

    @classmethod
    def from_cli(cls, parser, *args):
        return cls(*args)

    async def handle_DATA(self, server, session, envelope):
        self.box.add(envelope.original_content)
        if self.hold > 0 and not self.held:
            self.held = True
            await asyncio.sleep(self.hold)
        return "250 Message accepted for delivery"
