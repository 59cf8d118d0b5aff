module github.com/cnnews/cnnews

go 1.26.0

require (
	github.com/google/go-cmp v0.7.0 // indirect
	github.com/mozillazg/go-pinyin v0.21.0 // indirect
	golang.org/x/net v0.62.0 // indirect
	golang.org/x/text v0.43.0 // indirect
)
