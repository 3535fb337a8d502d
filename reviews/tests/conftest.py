import datetime

import pytest
import time_machine


@pytest.fixture
def tenth_of_may_2027():
    """The clock the charts' and the history's tests read: 10 May 2027, 10:00 UTC."""
    with time_machine.travel(datetime.datetime(2027, 5, 10, 10, tzinfo=datetime.UTC), tick=False):
        yield
