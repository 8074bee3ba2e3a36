"""UI test fixtures (offscreen Qt is set up by tests/conftest.py)."""

from __future__ import annotations

import pytest

from callcenter.domain.site_profile import SiteProfile
from callcenter.services.site.profile import load_profile


@pytest.fixture
def profile() -> SiteProfile:
    return load_profile()
