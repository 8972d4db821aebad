"""The SLA engine (DESIGN §3 SLA): policies, clocks as a pure function of a ticket's
history, and the figures stored for queues."""
