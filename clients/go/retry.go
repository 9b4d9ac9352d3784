package netweave

import (
	"context"
	"math/rand"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// Retry says how calls are retried: reads on UNAVAILABLE, at most Tries tries, with
// exponential backoff from Base capped at Cap, each delay a random 50–100 % of its ceiling.
// Writes only when Writes is set (a write that timed out may have happened).
type Retry struct {
	Tries  int
	Base   time.Duration
	Cap    time.Duration
	Writes bool
}

// DefaultRetry is the retry of every netweave SDK: 4 tries, 100 ms, capped at 2 s.
var DefaultRetry = Retry{Tries: 4, Base: 100 * time.Millisecond, Cap: 2 * time.Second}

// Delay is the pause before retry number attempt (0-based).
func (r Retry) Delay(attempt int) time.Duration {
	ceiling := r.Base << uint(attempt)
	if ceiling > r.Cap || ceiling <= 0 {
		ceiling = r.Cap
	}
	return time.Duration(float64(ceiling) * (0.5 + rand.Float64()/2))
}

func (r Retry) run(ctx context.Context, write bool, call func() error) error {
	for attempt := 1; ; attempt++ {
		err := call()
		retryable := status.Code(err) == codes.Unavailable && (r.Writes || !write)
		if err == nil || !retryable || attempt >= r.Tries {
			return err
		}
		if err := sleep(ctx, r.Delay(attempt-1)); err != nil {
			return err
		}
	}
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
