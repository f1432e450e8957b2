// Package segmentcmd is the segment command: sentence segmentation of a
// file or standard input, and SRX rule exchange.
package segmentcmd
