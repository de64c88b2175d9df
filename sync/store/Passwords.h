#pragma once
// Being written (issue 3).
