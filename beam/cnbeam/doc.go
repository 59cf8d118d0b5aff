// Package cnbeam runs the cnnews corpus pipeline on Apache Beam, so that
// corpora larger than one machine can be cleaned on Flink, Spark or
// Dataflow with the results cnnews run gives on one machine.
//
// Before, a JSONL shard as a crawler wrote it:
//
//	{"id":"a1","text":"来源：新华网\n一季度经济运行总体平稳。\n（责任编辑：王磊）"}
//	{"id":"a2","text":"一季度經濟運行總體平穩。\n分享到：微信 微博"}
//	{"id":"a3","title":"只有标题"}
//
// After Build, DIR/kept-00000-of-00001.jsonl holds a1 with its text
// 一季度经济运行总体平稳。, its source and editor in meta, as cnnews run
// writes it; DIR/rejected-00000-of-00001.jsonl holds a2 (reason
// "duplicate", of "a1": the same story in the other script) and a3
// (reason "json": no text).
//
// The stages, each a transform of its own:
//
//   - [ReadJSONL] reads JSONL shards ({"id","text"} or {"id","html"} per
//     line), keeping each line's file and number as its place in input
//     order.
//   - [Process] runs each record through the root pipeline (decode,
//     front matter, clean, optional conversion) exactly as cnnews run does,
//     giving the JSON line of each kept article and the line of each
//     rejected record.
//   - [Dedupe] finds copies the distributed way: every article's band keys
//     and exact hash become group keys; within each group, in input order,
//     each article is compared with the dedupe.Window articles before it by
//     the rule dedupe.Index.Add applies. An article that copies an earlier
//     one is dropped, which is what cnnews run's streaming index does, so
//     the kept articles are the same.
//   - [WriteSharded] writes lines to numbered shard files, each sorted in
//     input order, from many workers at once.
//
// [Build] composes them with the [Options] of cnnews run. The command
// cnnews-beam (in beam/cmd/cnnews-beam) runs Build with Beam's runner
// flags.
package cnbeam
