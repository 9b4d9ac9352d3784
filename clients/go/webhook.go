package netweave

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// VerificationStatus answers the subscription verification GET (O2ims: 204 No Content).
const VerificationStatus = http.StatusNoContent

// Tolerance is the largest distance between a Standard Webhooks timestamp and now.
const Tolerance = 5 * time.Minute

// VerifyError says a notification is unsigned, wrongly signed, stale, or not a notification.
type VerifyError struct{ Reason string }

func (e *VerifyError) Error() string { return "webhook: " + e.Reason }

// InventoryChangeNotification is the O2ims notification body.
type InventoryChangeNotification struct {
	NotificationID string `json:"notificationId"`
	// NotificationEventType is 0 create, 1 modify, 2 delete.
	NotificationEventType  int                    `json:"notificationEventType"`
	ObjectRef              string                 `json:"objectRef"`
	ConsumerSubscriptionID string                 `json:"consumerSubscriptionId,omitempty"`
	PriorObjectState       map[string]interface{} `json:"priorObjectState,omitempty"`
	PostObjectState        map[string]interface{} `json:"postObjectState,omitempty"`
}

func webhookKey(secret string) ([]byte, error) {
	b64 := strings.TrimPrefix(secret, "whsec_")
	key, err := base64.StdEncoding.DecodeString(b64)
	if b64 == secret || b64 == "" || err != nil {
		return nil, &VerifyError{"the webhook secret is not 'whsec_' followed by base64"}
	}
	return key, nil
}

// VerifySignature checks a notification's signature against any of secrets ("whsec_…"): a
// Standard Webhooks signature (webhook-id, webhook-timestamp within Tolerance of now,
// webhook-signature "v1,<base64>" entries) or else the hex X-O2IMS-Signature (HMAC-SHA256
// of the body). Comparison is constant-time.
func VerifySignature(body []byte, h http.Header, secrets []string, now time.Time) error {
	keys := make([][]byte, 0, len(secrets))
	for _, s := range secrets {
		k, err := webhookKey(s)
		if err != nil {
			return err
		}
		keys = append(keys, k)
	}
	if signatures := h.Get("webhook-signature"); signatures != "" {
		ts, err := strconv.ParseInt(h.Get("webhook-timestamp"), 10, 64)
		if err != nil {
			return &VerifyError{"the webhook-timestamp is missing or malformed"}
		}
		if d := now.Sub(time.Unix(ts, 0)); d > Tolerance || d < -Tolerance {
			return &VerifyError{"the webhook-timestamp is more than five minutes away"}
		}
		signed := append([]byte(fmt.Sprintf("%s.%d.", h.Get("webhook-id"), ts)), body...)
		for _, k := range keys {
			mac := hmac.New(sha256.New, k)
			mac.Write(signed)
			want := mac.Sum(nil)
			for _, sig := range strings.Split(signatures, " ") {
				if !strings.HasPrefix(sig, "v1,") {
					continue
				}
				got, err := base64.StdEncoding.DecodeString(sig[3:])
				if err == nil && hmac.Equal(got, want) {
					return nil
				}
			}
		}
		return &VerifyError{"no signature matches"}
	}
	if hexSig := strings.TrimSpace(h.Get("x-o2ims-signature")); hexSig != "" {
		got, err := hex.DecodeString(hexSig)
		for _, k := range keys {
			mac := hmac.New(sha256.New, k)
			mac.Write(body)
			if err == nil && hmac.Equal(got, mac.Sum(nil)) {
				return nil
			}
		}
		return &VerifyError{"no signature matches"}
	}
	return &VerifyError{"no signature header (webhook-signature or x-o2ims-signature)"}
}

// ParseNotification reads an InventoryChangeNotification body.
func ParseNotification(body []byte) (*InventoryChangeNotification, error) {
	var n InventoryChangeNotification
	var required struct {
		ID   *string      `json:"notificationId"`
		Type *json.Number `json:"notificationEventType"`
		Ref  *string      `json:"objectRef"`
	}
	if err := json.Unmarshal(body, &required); err != nil {
		return nil, &VerifyError{"the body is not an InventoryChangeNotification: " + err.Error()}
	}
	if required.ID == nil || required.Type == nil || required.Ref == nil {
		return nil, &VerifyError{"the body is not an InventoryChangeNotification: a required field is missing"}
	}
	if err := json.Unmarshal(body, &n); err != nil {
		return nil, &VerifyError{"the body is not an InventoryChangeNotification: " + err.Error()}
	}
	return &n, nil
}

// Verify checks a notification's signature (VerifySignature, at the current time) and parses
// it. Errors are *VerifyError.
func Verify(body []byte, h http.Header, secrets []string) (*InventoryChangeNotification, error) {
	if err := VerifySignature(body, h, secrets, time.Now()); err != nil {
		return nil, err
	}
	return ParseNotification(body)
}

// IsVerifyError says whether err is a *VerifyError.
func IsVerifyError(err error) bool {
	var v *VerifyError
	return errors.As(err, &v)
}
