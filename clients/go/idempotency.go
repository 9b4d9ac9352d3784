package netweave

import (
	"context"
	"crypto/rand"
	"fmt"

	"google.golang.org/grpc/metadata"
)

type idempotencyKey struct{}

// WithIdempotencyKey makes the creations called with the returned context carry key as their
// idempotency key. Without it each creation makes its own (a random UUID). Every retry of a
// creation carries the same key, so the gateway creates once and answers a repeat with the
// first answer.
func WithIdempotencyKey(ctx context.Context, key string) context.Context {
	return context.WithValue(ctx, idempotencyKey{}, key)
}

// keyed adds the creation's idempotency-key metadata to ctx, once for all of its tries.
func keyed(ctx context.Context) context.Context {
	key, _ := ctx.Value(idempotencyKey{}).(string)
	if key == "" {
		var b [16]byte
		if _, err := rand.Read(b[:]); err == nil {
			b[6] = b[6]&0x0f | 0x40
			b[8] = b[8]&0x3f | 0x80
			key = fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:])
		}
	}
	if key == "" {
		return ctx
	}
	return metadata.AppendToOutgoingContext(ctx, "idempotency-key", key)
}
