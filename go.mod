module github.com/cnnews/cnnews

go 1.26.0

require (
	github.com/google/go-cmp v0.7.0
	github.com/mozillazg/go-pinyin v0.21.0
	golang.org/x/net v0.62.0
	golang.org/x/text v0.43.0
)
