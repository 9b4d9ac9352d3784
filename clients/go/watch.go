package netweave

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"

	eventsv1 "github.com/netweave/netweave/clients/go/gen/netweave/events/v1"
)

// ResumeCursorTrailer names the cursor to resume from after a cut-off.
const ResumeCursorTrailer = "x-netweave-resume-cursor"

// MaxFailedReconnects is how many consecutive failed reconnections end a watch.
const MaxFailedReconnects = 20

// ErrWatchClosed is returned by Next after Close.
var ErrWatchClosed = errors.New("netweave: the watch is closed")

// ResyncRequired says the cursor is older than the server retains: list afresh, then watch
// from Latest.
type ResyncRequired struct{ Requested, Latest uint64 }

func (e *ResyncRequired) Error() string {
	return fmt.Sprintf("resync required: cursor %d is no longer retained; list afresh, then watch from cursor %d",
		e.Requested, e.Latest)
}

// WatchSelector chooses the events of a watch.
type WatchSelector struct {
	// TypePattern is a glob over event types ("o2ims.Resource.*"); empty: all.
	TypePattern string
	// Filter is an O-RAN filter over the event and the changed object; empty: all.
	Filter string
}

// Watch follows the event stream for as long as Next is called.
//
// The cursor advances with every event and heartbeat. A cut-off (RESOURCE_EXHAUSTED)
// resumes from the cursor in the x-netweave-resume-cursor trailer; a dropped connection or a
// server that went away (UNAVAILABLE, UNKNOWN, a stream that just ends) reconnects with
// backoff from the last cursor, so no event is lost or repeated. OUT_OF_RANGE ends the watch
// with *ResyncRequired. A Watch is not safe for concurrent use.
type Watch struct {
	client   *Client
	selector WatchSelector
	cursor   uint64
	// Resumes counts resumptions after a cut-off or a dropped connection.
	Resumes  int
	stream   eventsv1.EventService_WatchClient
	cancel   context.CancelFunc
	failures int
	err      error
}

// Watch follows the event stream after cursor (0: from now).
func (c *Client) Watch(selector WatchSelector, cursor uint64) *Watch {
	return &Watch{client: c, selector: selector, cursor: cursor}
}

// Cursor is the position to persist: a new watch from it goes on exactly here.
func (w *Watch) Cursor() uint64 { return w.cursor }

func (w *Watch) open(ctx context.Context) error {
	sctx, cancel := context.WithCancel(ctx)
	req := &eventsv1.WatchRequest{TypePattern: w.selector.TypePattern, Filter: w.selector.Filter, ResumeCursor: w.cursor}
	// No deadline: a watch lasts as long as it is read. The token is read again here.
	stream, err := w.client.Events.Watch(sctx, req)
	if err != nil {
		cancel()
		return err
	}
	w.stream, w.cancel = stream, cancel
	return nil
}

func (w *Watch) drop() {
	if w.cancel != nil {
		w.cancel()
	}
	w.stream, w.cancel = nil, nil
}

func (w *Watch) backoff(ctx context.Context, err error) error {
	w.failures++
	if w.failures > MaxFailedReconnects {
		w.err = err
		return err
	}
	d := w.client.Retry.Delay(w.failures - 1)
	if d < 50*time.Millisecond {
		d = 50 * time.Millisecond
	}
	return sleep(ctx, d)
}

func trailerCursor(md metadata.MD) (uint64, bool) {
	for _, v := range md.Get(ResumeCursorTrailer) {
		if c, err := strconv.ParseUint(v, 10, 64); err == nil {
			return c, true
		}
	}
	return 0, false
}

// ended resumes or reconnects after err, or returns what ends the watch.
func (w *Watch) ended(ctx context.Context, err error, trailer metadata.MD) error {
	resume, ok := trailerCursor(trailer)
	switch status.Code(err) {
	case codes.ResourceExhausted:
		if ok {
			w.cursor = resume
			w.Resumes++
			return nil
		}
	case codes.OutOfRange:
		w.err = &ResyncRequired{Requested: w.cursor, Latest: resume}
		return w.err
	case codes.Unavailable, codes.Unknown, codes.Canceled, codes.Aborted, codes.Internal:
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if berr := w.backoff(ctx, err); berr != nil {
			return berr
		}
		w.Resumes++
		return nil
	}
	w.err = err
	return err
}

// Step reads one item of the stream: the event, or nil after a heartbeat or a resume (the
// cursor has advanced or the stream reopened). An error ends the watch, except ctx's own.
func (w *Watch) Step(ctx context.Context) (*eventsv1.Event, error) {
	if w.err != nil {
		return nil, w.err
	}
	if w.stream == nil {
		if err := w.open(ctx); err != nil {
			return nil, w.ended(ctx, err, nil)
		}
	}
	r, err := w.stream.Recv()
	if err == io.EOF {
		// The server closed the stream without an error (it is shutting down).
		w.drop()
		return nil, w.backoff(ctx, errors.New("netweave: the stream ended"))
	}
	if err != nil {
		trailer := w.stream.Trailer()
		w.drop()
		return nil, w.ended(ctx, err, trailer)
	}
	w.failures = 0
	switch item := r.Item.(type) {
	case *eventsv1.WatchResponse_Event:
		w.cursor = item.Event.Cursor
		return item.Event, nil
	case *eventsv1.WatchResponse_Heartbeat:
		w.cursor = item.Heartbeat.Cursor
	}
	return nil, nil
}

// Next returns the next event, resuming as needed.
func (w *Watch) Next(ctx context.Context) (*eventsv1.Event, error) {
	for {
		e, err := w.Step(ctx)
		if err != nil || e != nil {
			return e, err
		}
	}
}

// Close ends the watch.
func (w *Watch) Close() {
	w.drop()
	if w.err == nil {
		w.err = ErrWatchClosed
	}
}
