import onnxProto from 'onnx-proto'

const { onnx } = onnxProto

/** ONNX TensorProto data types used here. */
const INT8 = 3
const FLOAT = 1
const INT64 = 7

/**
 * Encodes the static embedding model as an ONNX graph that transformers.js can run as a
 * `feature-extraction` model: one input `input_ids` (int64 [batch, seq]) and one output
 * `last_hidden_state` (float [batch, seq, d]). The table is stored as int8 rows with a float scale
 * per row and dequantized after the lookup, so only the looked-up rows are ever expanded.
 */
export function encodeGatherModel(
  q: Int8Array,
  scales: Float32Array,
  dimensions: number,
  producer: string,
): Uint8Array {
  const vocab = scales.length
  const tensor = (name: string, dataType: number, dims: number[], bytes: Uint8Array) =>
    onnx.TensorProto.create({ name, dataType, dims, rawData: bytes })
  const scaleBytes = new Uint8Array(scales.length * 4)
  const view = new DataView(scaleBytes.buffer)
  for (let i = 0; i < scales.length; i++) view.setFloat32(i * 4, scales[i] as number, true)

  const dim = (d: string | number) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })
  const valueInfo = (name: string, elemType: number, dims: Array<string | number>) =>
    onnx.ValueInfoProto.create({
      name,
      type: { tensorType: { elemType, shape: { dim: dims.map(dim) } } },
    })

  const graph = onnx.GraphProto.create({
    name: 'static_embedding_lookup',
    initializer: [
      tensor(
        'embedding_q8',
        INT8,
        [vocab, dimensions],
        new Uint8Array(q.buffer, q.byteOffset, q.byteLength),
      ),
      tensor('embedding_scale', FLOAT, [vocab, 1], scaleBytes),
    ],
    node: [
      onnx.NodeProto.create({
        opType: 'Gather',
        input: ['embedding_q8', 'input_ids'],
        output: ['rows_q8'],
        name: 'lookup_rows',
        attribute: [{ name: 'axis', type: 2, i: 0 }],
      }),
      onnx.NodeProto.create({
        opType: 'Cast',
        input: ['rows_q8'],
        output: ['rows_f32'],
        name: 'to_float',
        attribute: [{ name: 'to', type: 2, i: FLOAT }],
      }),
      onnx.NodeProto.create({
        opType: 'Gather',
        input: ['embedding_scale', 'input_ids'],
        output: ['row_scale'],
        name: 'lookup_scales',
        attribute: [{ name: 'axis', type: 2, i: 0 }],
      }),
      onnx.NodeProto.create({
        opType: 'Mul',
        input: ['rows_f32', 'row_scale'],
        output: ['last_hidden_state'],
        name: 'dequantize',
      }),
    ],
    input: [valueInfo('input_ids', INT64, ['batch_size', 'sequence_length'])],
    output: [valueInfo('last_hidden_state', FLOAT, ['batch_size', 'sequence_length', dimensions])],
  })
  const model = onnx.ModelProto.create({
    irVersion: 8,
    opsetImport: [{ domain: '', version: 13 }],
    producerName: producer,
    producerVersion: '1',
    graph,
  })
  return onnx.ModelProto.encode(model).finish()
}

/**
 * Reads back the table of a graph written by {@link encodeGatherModel}: the int8 rows, the row
 * scales and the width, for computing the model without an ONNX runtime.
 */
export function decodeGatherModel(bytes: Uint8Array): {
  q: Int8Array
  scales: Float32Array
  dimensions: number
} {
  const model = onnx.ModelProto.decode(bytes)
  const init = (name: string) => {
    const t = model.graph?.initializer?.find((i) => i.name === name)
    if (!t?.rawData) throw new Error(`the ONNX graph has no initializer ${name}`)
    return t
  }
  const rows = init('embedding_q8')
  const scaleTensor = init('embedding_scale')
  const dims = (rows.dims ?? []).map(Number)
  const [vocab, dimensions] = dims as [number, number]
  // Copies: a decoded `rawData` may be a view into a larger (pooled) buffer.
  const q = new Int8Array(new Uint8Array(rows.rawData as Uint8Array).buffer, 0, vocab * dimensions)
  const scaleBytes = new Uint8Array(scaleTensor.rawData as Uint8Array)
  const view = new DataView(scaleBytes.buffer)
  const scales = new Float32Array(vocab)
  for (let i = 0; i < vocab; i++) scales[i] = view.getFloat32(i * 4, true)
  return { q, scales, dimensions }
}
