from datetime import datetime, timezone

from acme import Widget

widget = Widget(
    id="wgt_01J8ZK4Q7N2V5C3X9B6M",
    name="Sprocket",
    color="green",
    created_at=datetime(2024, 4, 16, 18, 3, 50, 512000, tzinfo=timezone.utc),
)
