p='src/core/runs/runStore.ts'
s=open(p).read()
s=s.replace("""import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';""","""import { existsSync, lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';""")
s=s.replace("""import { loadTensorFile, saveTensorFile, type NamedTensor } from './tensorFile';""","""import { loadTensorFile, saveTensorFile, tensorFileProblem, type NamedTensor } from './tensorFile';""")
start=s.index("/**\n * Why a checkpoint cannot continue a run with `config`")
end=s.index("/** JSON with object keys sorted at every level")
new=open('.scratch/rs_mid.ts').read()
s=s[:start]+new+s[end:]
start=s.index("/** Every run folder under `runsDir` with its record")
s=s[:start]+open('.scratch/rs_list.ts').read()
open(p,'w').write(s)
