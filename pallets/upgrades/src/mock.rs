//! Test runtime: frame-system, pallet-preimage and this pallet. Runtime "code" in the tests is
//! [`crate::code::runtime_blob`]; the version reader returns its `runtime_version` section, as a
//! node's executor does. Authorities are `UintAuthorityId`s (test signatures).

use crate::{self as pallet_upgrades, *};
use frame_support::{derive_impl, parameter_types, traits::ConstU32};
use frame_system::EnsureRoot;
use sp_runtime::{testing::UintAuthorityId, BuildStorage};
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

/// The extrinsic type of the test runtime.
pub type Extrinsic = <Block as sp_runtime::traits::Block>::Extrinsic;

impl frame_system::offchain::CreateTransactionBase<Call<Test>> for Test {
	type Extrinsic = Extrinsic;
	type RuntimeCall = RuntimeCall;
}

impl frame_system::offchain::CreateBare<Call<Test>> for Test {
	fn create_bare(call: RuntimeCall) -> Extrinsic {
		Extrinsic::new_bare(call)
	}
}

parameter_types! {
	/// The current authorities (settable by tests).
	pub static Authorities: Vec<UintAuthorityId> = vec![1.into(), 2.into(), 3.into()];
}

#[derive_impl(crate::config_preludes::TestDefaultConfig)]
impl Config for Test {
	type UpgradeOrigin = EnsureRoot<u64>;
	type CancelOrigin = EnsureRoot<u64>;
	type Preimages = Preimage;
	type AuthorityId = UintAuthorityId;
	type Authorities = Authorities;
	// Small, to test a full queue.
	type MaxPending = ConstU32<3>;
	// Small, to test a full history.
	type MaxActivated = ConstU32<2>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = Test;
}

#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<UintAuthorityId> for Test {
	fn set_authorities(authorities: Vec<UintAuthorityId>) {
		Authorities::set(authorities);
	}
}

/// Reads the version of test code as a node's executor does: its `runtime_version` section.
pub struct MockVersionReader;
impl sp_core::traits::ReadRuntimeVersion for MockVersionReader {
	fn read_runtime_version(
		&self,
		code: &[u8],
		_ext: &mut dyn sp_core::traits::Externalities,
	) -> Result<Vec<u8>, String> {
		crate::code::embedded_version(code).ok_or_else(|| "not a runtime".into())
	}
}

/// Test code of a runtime with this name and spec version.
pub fn code(spec_name: &'static str, spec_version: u32) -> Vec<u8> {
	let version =
		RuntimeVersion { spec_name: spec_name.into(), spec_version, ..Default::default() };
	crate::code::runtime_blob(&version, 200)
}

/// The least activation delay in the tests.
pub const MIN_DELAY: u64 = 5;

/// Builds test externalities at block 1 (least activation delay [`MIN_DELAY`]).
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	crate::GenesisConfig::<Test> { min_activation_delay: MIN_DELAY }
		.assimilate_storage(&mut storage)
		.unwrap();
	Authorities::set(vec![1.into(), 2.into(), 3.into()]);
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
