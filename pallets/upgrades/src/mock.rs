//! Test runtime: frame-system, pallet-preimage and this pallet. Runtime "code" in the tests is
//! `b"RT"` followed by an encoded `RuntimeVersion`, which the mocked version reader returns;
//! anything else is not a runtime.

use crate::{self as pallet_upgrades, *};
use frame_support::{derive_impl, parameter_types, traits::ConstU32};
use frame_system::EnsureRoot;
use sp_runtime::BuildStorage;
use sp_version::RuntimeVersion;

type Block = frame_system::mocking::MockBlock<Test>;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Test;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type Preimage = pallet_preimage;
	#[runtime::pallet_index(2)]
	pub type Upgrades = pallet_upgrades;
}

parameter_types! {
	/// The running runtime's version.
	pub Version: RuntimeVersion = running_version();
}

/// The running runtime: `metacert`, spec 100.
pub fn running_version() -> RuntimeVersion {
	RuntimeVersion { spec_name: "metacert".into(), spec_version: 100, ..Default::default() }
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type Version = Version;
}

impl pallet_preimage::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type Currency = ();
	type ManagerOrigin = EnsureRoot<u64>;
	type Consideration = ();
}

parameter_types! {
	/// Blocks between scheduling and activation, at least.
	pub const MinActivationDelay: u64 = 5;
}

impl Config for Test {
	type UpgradeOrigin = EnsureRoot<u64>;
	type CancelOrigin = EnsureRoot<u64>;
	type Preimages = Preimage;
	type MinActivationDelay = MinActivationDelay;
	type MaxPending = ConstU32<3>;
	type WeightInfo = ();
}

/// Reads the version of test "code": `b"RT" ++ RuntimeVersion::encode()`.
pub struct MockVersionReader;
impl sp_core::traits::ReadRuntimeVersion for MockVersionReader {
	fn read_runtime_version(
		&self,
		code: &[u8],
		_ext: &mut dyn sp_core::traits::Externalities,
	) -> Result<Vec<u8>, String> {
		match code.strip_prefix(b"RT") {
			Some(version) => Ok(version.to_vec()),
			None => Err("not a runtime".into()),
		}
	}
}

/// Test code of a runtime with this name and spec version.
pub fn code(spec_name: &'static str, spec_version: u32) -> Vec<u8> {
	let version =
		RuntimeVersion { spec_name: spec_name.into(), spec_version, ..Default::default() };
	let mut code = b"RT".to_vec();
	code.extend(version.encode());
	code
}

/// Builds test externalities at block 1.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.register_extension(sp_core::traits::ReadRuntimeVersionExt::new(MockVersionReader));
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs `test` and then the pallet's invariants.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Upgrades::do_try_state().expect("upgrades invariants hold");
	})
}

/// Moves to block `n`, running the hooks of each block on the way.
pub fn run_to_block(n: u64) {
	System::run_to_block::<AllPalletsWithSystem>(n);
}
